package dev.rl4j.lab;

import dev.rl4j.lab.bench.BenchListenerCommand;
import dev.rl4j.lab.bench.BenchNtkCommand;
import dev.rl4j.lab.bench.BenchProbeCommand;
import dev.rl4j.lab.bench.BenchUpdateCommand;
import dev.rl4j.lab.calibrate.CalibrateCommand;
import dev.rl4j.lab.run.DemoCommand;
import dev.rl4j.lab.run.RegressCommand;
import dev.rl4j.lab.run.RegressMergeCommand;
import dev.rl4j.lab.run.RunCommand;
import dev.rl4j.lab.offline.OfflineNtkCommand;
import dev.rl4j.lab.study.NtkStudyCommand;
import picocli.CommandLine.Command;

/**
 * {@code rl4j-lab}: runs the project's benchmarks, testbeds and demos. Every subcommand ends with one JSON summary
 * line on stdout; logs go to stderr.
 *
 * <p>Stability: experimental. @since 0.1
 */
@Command(name = "rl4j-lab", mixinStandardHelpOptions = true, version = "rl4j-lab 0.1.0",
        description = "NTK diagnostics and PreQN for RL4J: benchmarks, testbeds and demos.",
        subcommands = {DemoCommand.class, BenchNtkCommand.class, BenchUpdateCommand.class, BenchListenerCommand.class, BenchProbeCommand.class, RunCommand.class, RegressCommand.class, RegressMergeCommand.class, NtkStudyCommand.class, OfflineNtkCommand.class, CalibrateCommand.class})
final class RlLabCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
