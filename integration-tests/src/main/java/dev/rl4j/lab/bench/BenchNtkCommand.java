package dev.rl4j.lab.bench;

import dev.rl4j.lab.JsonLine;
import dev.rl4j.lab.LabOptions;
import dev.rl4j.lab.NetSpec;
import dev.rl4j.lab.options.JsonSummary;
import dev.rl4j.lab.options.KebabEnumConverter;
import dev.rl4j.lab.options.Precision;
import dev.rl4j.lab.options.SeedOption;
import dev.rl4j.ntk.EmpiricalNtk;
import dev.rl4j.ntk.NtkMethod;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench-ntk}: times {@link EmpiricalNtk#gram} on a random batch and prints one JSON line (with the
 * {@code settings} of the run).
 *
 * <p>Stability: experimental. @since 0.1
 */
@Command(name = "bench-ntk", mixinStandardHelpOptions = true,
        description = "Time the NTK Gram matrix of a dense Q-network; prints one JSON line.")
public final class BenchNtkCommand implements Callable<Integer> {

    @Mixin
    JsonSummary summary;

    @Mixin
    NetOptions network = new NetOptions("4-256-256-2", 256, 1);

    @Option(names = "--method", defaultValue = "structured", converter = MethodConverter.class,
            description = "structured | per-sample (default ${DEFAULT-VALUE})")
    NtkMethod method;

    @Option(names = "--dtype", defaultValue = "float", converter = Precision.Converter.class,
            description = "network dtype: float | double (default ${DEFAULT-VALUE})")
    Precision dtype;

    @Option(names = "--activation", defaultValue = "relu",
            description = "hidden activation: relu | tanh | sin or a DL4J name (default ${DEFAULT-VALUE})")
    String activation;

    @Mixin
    TimingOptions timing = new TimingOptions();

    @Mixin
    SeedOption seed = new SeedOption(42);

    /** {@code structured | per-sample} ({@code per_sample} and {@code persample} too). */
    static final class MethodConverter extends KebabEnumConverter<NtkMethod> {
        MethodConverter() {
            super(NtkMethod.class, Map.of("persample", NtkMethod.PER_SAMPLE));
        }
    }

    @Override
    public Integer call() {
        NetSpec spec = network.net();
        int batch = network.batch();
        DataType dt = dtype.dataType();
        boolean structured = method == NtkMethod.STRUCTURED;
        int r = timing.reps(structured ? 500 : 5);
        int w = timing.warmup(structured ? 500 : 1); // structured: C2 settles late
        int blasThreads = timing.applyThreads();
        MultiLayerNetwork net = spec.build(seed.get(), dt, LabOptions.activation(activation));
        Nd4j.getRandom().setSeed(seed.get());
        INDArray states = Nd4j.randn(dt, batch, spec.inputs());
        int[] actions = new java.util.Random(seed.get()).ints(batch, 0, spec.actions()).toArray();
        EmpiricalNtk ntk = EmpiricalNtk.of(net, method);
        Timings t = Timings.measure(w, r, () -> ntk.gram(states, actions));
        summary.print(t.putTo(new JsonLine().put("bench", "ntk").put("net", spec.toString())
                .put("batch", batch).put("method", KebabEnumConverter.kebab(method))
                .put("dtype", KebabEnumConverter.kebab(dtype)).put("activation", activation)
                .put("params", net.numParams())).put("blas_threads", blasThreads)
                .put("omp_threads", System.getenv().getOrDefault("OMP_NUM_THREADS", "unset")));
        return 0;
    }
}
