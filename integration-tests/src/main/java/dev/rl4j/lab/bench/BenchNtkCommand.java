package dev.rl4j.lab.bench;

import dev.rl4j.lab.LabOptions;
import dev.rl4j.lab.NetSpec;
import dev.rl4j.ntk.EmpiricalNtk;
import dev.rl4j.ntk.NtkMethod;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-ntk}: times {@link EmpiricalNtk#gram} on a random batch and prints one JSON line.
 *
 * <p>Stability: experimental. @since 0.1
 */
@Command(name = "bench-ntk", mixinStandardHelpOptions = true,
        description = "Time the NTK Gram matrix of a dense Q-network; prints one JSON line.")
public final class BenchNtkCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    /** Which kernel path to time. */
    public enum Method { STRUCTURED, PER_SAMPLE }

    @Option(names = "--net", defaultValue = "4-256-256-2", description = "layer widths, input-hidden...-actions (default ${DEFAULT-VALUE})")
    String net;

    @Option(names = "--batch", defaultValue = "256", description = "pairs per Gram matrix, >= 1 (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--method", defaultValue = "structured", converter = MethodConverter.class,
            description = "structured | per-sample (default ${DEFAULT-VALUE})")
    Method method;

    @Option(names = "--dtype", defaultValue = "float", description = "network dtype: float | double (default ${DEFAULT-VALUE})")
    String dtype;

    @Option(names = "--activation", defaultValue = "relu", description = "hidden activation: relu | tanh | sin (default ${DEFAULT-VALUE})")
    String activation;

    @Option(names = "--reps", description = "timed repetitions, >= 1 (default 500 structured, 5 per-sample)")
    Integer reps;

    @Option(names = "--warmup", description = "untimed warm-up runs, >= 0 (default 500 structured: C2 settles late; 1 per-sample)")
    Integer warmup;

    @Option(names = "--threads", description = "BLAS threads, >= 1 (default: available processors)")
    Integer threads;

    @Option(names = "--seed", defaultValue = "42", description = "seed of network and batch (default ${DEFAULT-VALUE})")
    long seed;

    static final class MethodConverter implements picocli.CommandLine.ITypeConverter<Method> {
        @Override
        public Method convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "structured" -> Method.STRUCTURED;
                case "per-sample", "per_sample", "persample" -> Method.PER_SAMPLE;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "--method must be structured or per-sample, got '" + value + "'");
            };
        }
    }

    @Override
    public Integer call() {
        NetSpec spec = NetSpec.parse(net);
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be >= 1, got " + batch);
        }
        DataType dt = LabOptions.dataType(dtype);
        int r = reps != null ? reps : (method == Method.STRUCTURED ? 500 : 5);
        int w = warmup != null ? warmup : (method == Method.STRUCTURED ? 500 : 1);
        if (r < 1 || w < 0) {
            throw new IllegalArgumentException("--reps must be >= 1 and --warmup >= 0, got " + r + " and " + w);
        }
        int blasThreads = LabOptions.blasThreads(threads);
        MultiLayerNetwork network = spec.build(seed, dt, LabOptions.activation(activation));
        Nd4j.getRandom().setSeed(seed);
        INDArray states = Nd4j.randn(dt, batch, spec.inputs());
        int[] actions = new java.util.Random(seed).ints(batch, 0, spec.actions()).toArray();
        EmpiricalNtk ntk = EmpiricalNtk.of(network,
                method == Method.STRUCTURED ? NtkMethod.STRUCTURED : NtkMethod.PER_SAMPLE);
        Timings t = Timings.measure(w, r, () -> ntk.gram(states, actions));
        commandSpec.commandLine().getOut().println(String.format(Locale.ROOT,
                "{\"bench\":\"ntk\",\"net\":\"%s\",\"batch\":%d,\"method\":\"%s\",\"dtype\":\"%s\",\"activation\":\"%s\","
                        + "\"params\":%d,\"reps\":%d,\"median_ms\":%.4f,\"min_ms\":%.4f,\"max_ms\":%.4f,\"p90_ms\":%.4f,"
                        + "\"blas_threads\":%d,\"omp_threads\":\"%s\"}",
                spec, batch, method.name().toLowerCase(Locale.ROOT).replace('_', '-'), dtype, activation,
                network.numParams(), t.reps(), t.medianMs(), t.minMs(), t.maxMs(), t.p90Ms(), blasThreads,
                System.getenv().getOrDefault("OMP_NUM_THREADS", "unset")));
        return 0;
    }
}
