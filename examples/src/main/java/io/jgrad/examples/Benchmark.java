package io.jgrad.examples;

import com.fasterxml.jackson.databind.JsonNode;
import io.jgrad.core.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * jgrad against PyTorch on identical work, on one machine, in alternating rounds; prints Markdown
 * tables for README.md. The PyTorch half is examples/bench/benchmark_pytorch.py, run as a subprocess;
 * {@link BenchmarkJgrad} and the script do the same work, row for row: keep the two in step.
 *
 * <p>Rows, float32, in steps/s or time: (a) a chain of 600 tiny ops on a 4-element tensor
 * ({@code *1.0001}, {@code +0.001}, {@code tanh}, 200 times), forward+backward and no-grad forward, in
 * µs per op; (b) an MLP 784-256-10 forward and backward in plain Tensor ops (ReLU, log-softmax NLL) at
 * batch 32, 128 and 1024; (c) the full training step users run at the same batches: {@code zeroGrad();
 * loss = CrossEntropyLoss(Sequential(Linear, ReLU, Linear)(x), y); loss.backward(); Adam(1e-3).step()};
 * (d) Fashion-MNIST, {@link TrainFashionMnist}'s recipe (5 epochs at batch 128 with a test evaluation
 * after each), wall time and final test accuracy, skipped when the full data set is not installed;
 * (e) {@link TrainFashionMnistCnn}'s recipe (two conv blocks with BatchNorm, Adam 1e-3, batch 128): the
 * time of an epoch's first 50 batches (10 with --quick) without evaluation, scaled to the epoch's 469.
 * Rows (a) and (c) again on jgrad's ND4J device ({@code Tensor.setDefaultDevice(Device.ND4J)} for the
 * measurement, so the model, inputs and optimizer state are ND4J arrays), each beside PyTorch's figure of
 * the same workload and the CPU device's. And, jgrad only, before the rounds: off-heap and heap
 * memory over 20,000 training steps at batch 32 on the CPU device.
 *
 * <p>Method: rounds alternate jgrad (in this JVM) and PyTorch (one long-lived script process), so a
 * noisy machine hits both; each rate is the median of repeats after a warm-up, with the step count
 * fixed in the first round. The table gives each side's median over rounds and the median and min–max
 * of the per-round ratios, above 1 when jgrad is faster. The measurements run in a child JVM without
 * OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE ({@link BenchmarkLauncher}), and the report names the OpenBLAS
 * kernel, version and threads of each side.
 *
 * <p>Run from the repository root (with {@code -am}, so the modules of this tree are used, not
 * snapshots in ~/.m2): {@code ./mvnw -q -pl examples -am package -DskipTests exec:java
 * -Dexec.mainClass=io.jgrad.examples.Benchmark -Dexec.args="--rounds 3"}, or {@code java -cp} with
 * examples/target/classes and the class path of {@code ./mvnw -q -pl examples -am package -DskipTests
 * dependency:build-classpath -Dmdep.outputFile=cp.txt}. Options: {@code --quick} (smoke run: 1 round,
 * short windows, 1 epoch), {@code --no-torch}, {@code --no-nd4j} (the CPU device's rows only),
 * {@code --rounds N} (default 3), {@code --threads N} (default 2, both sides). Progress goes to stdout
 * (jgrad) and stderr (PyTorch); the tables and the environment come last.
 */
public final class Benchmark {
    static final String USAGE = "usage: Benchmark [--quick] [--no-torch] [--no-nd4j] [--rounds N] [--threads N]";

    /** What both sides run with; the script gets the same values on its command line. */
    record Settings(boolean quick, boolean noTorch, boolean nd4j, int rounds, int threads, int repeats,
                    double warmupSeconds, double windowSeconds, int epochs, int[] batches, int memorySteps,
                    int cnnBatches) {
        static Settings parse(String[] args) {
            boolean quick = false, noTorch = false, nd4j = true;
            Integer rounds = null;
            int threads = 2;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> quick = true;
                    case "--no-torch" -> noTorch = true;
                    case "--no-nd4j" -> nd4j = false;
                    case "--rounds" -> rounds = positive(args, ++i);
                    case "--threads" -> threads = positive(args, ++i);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return quick ? new Settings(true, noTorch, nd4j, rounds == null ? 1 : rounds, threads, 3, 0.5, 0.1, 1,
                    new int[] {32, 128, 1024}, 2_000, 10)
                    : new Settings(false, noTorch, nd4j, rounds == null ? 3 : rounds, threads, 7, 2.0, 0.5, 5,
                    new int[] {32, 128, 1024}, 20_000, 50);
        }

        private static int positive(String[] args, int i) {
            try {
                int n = Integer.parseInt(i < args.length ? args[i] : "");
                if (n > 0) return n;
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new IllegalArgumentException(args[i - 1] + " needs a positive whole number");
        }
    }

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        Settings s;
        try {
            s = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("Benchmark: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        if (!BenchmarkLauncher.inChild()) {
            int status = BenchmarkLauncher.relaunch(args);
            if (status != 0) System.exit(status);
            return;
        }
        run(s);
    }

    private static void run(Settings s) throws IOException {
        Tensor.setNumThreads(s.threads());
        Loader.load(openblas.class);  // the library GEMM uses; it names its kernel on stderr as it loads
        String jgradEnv = String.format("jgrad: %d threads (Tensor.getNumThreads(), which also run the blocks of each "
                        + "product on a single-threaded OpenBLAS), %s from org.bytedeco:openblas %s, core %s",
                Tensor.getNumThreads(), openblas.OPENBLAS_VERSION.trim(), bytedecoVersion(), BenchmarkLauncher.openBlasCore());
        System.out.println(jgradEnv);
        System.out.printf("%d round(s), %d repeats after %.1f s warm-up, %.1f s windows, %d Fashion-MNIST epoch(s)%n",
                s.rounds(), s.repeats(), s.warmupSeconds(), s.windowSeconds(), s.epochs());

        FashionMnist data = fullFashionMnist();
        // Before the rounds, so the ND4J rows' leftovers (native arrays freed after a later collection) are not in it.
        System.out.printf("jgrad: memory over %,d training steps ...%n", s.memorySteps());
        String memory = BenchmarkJgrad.memoryOverSteps(s.memorySteps());
        BenchmarkJgrad jgrad = new BenchmarkJgrad(s, data);
        BenchmarkTable table = new BenchmarkTable(rows(s));
        JsonNode torchEnv = null;
        try (BenchmarkPyTorch torch = s.noTorch() ? null : BenchmarkPyTorch.start(s, data == null ? null : data.source())) {
            if (torch != null) torchEnv = torch.environment;
            boolean torchRunning = torch != null;
            for (int round = 1; round <= s.rounds(); round++) {
                System.out.printf("== round %d of %d: jgrad%n", round, s.rounds());
                Map<String, Double> j = jgrad.round();
                Map<String, Double> t = null;
                if (torchRunning) {
                    System.out.printf("== round %d of %d: PyTorch%n", round, s.rounds());
                    t = torch.round();
                    torchRunning = t != null;
                }
                table.add(j, t);
            }
        }
        System.out.println();
        System.out.print(table.markdown(torchEnv == null ? "PyTorch" : "PyTorch " + torchEnv.get("torch").asText()));
        System.out.println();
        System.out.printf("Each side: median over rounds; within a round, each rate is the median of %d timed repeats "
                + "(%.1f s warm-up, step count fixed in round 1), the Fashion-MNIST time one run. Ratio > 1 means "
                + "jgrad is faster (jgrad / PyTorch for steps/s, PyTorch / jgrad for µs and s), taken per round; "
                + "likewise ND4J / CPU > 1 would mean the ND4J device is faster than the CPU device.%n",
                s.repeats(), s.warmupSeconds());
        System.out.printf("Fashion-MNIST final test accuracy after %d epoch(s), per round: jgrad %s, PyTorch %s%n",
                s.epochs(), accuracies(table, true), accuracies(table, false));
        System.out.printf("CPU: %s; Java %s (%s); OMP_NUM_THREADS=%s; %s%n", cpu(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"), LocalDate.now());
        System.out.println(jgradEnv);
        System.out.println(torchEnv == null ? "PyTorch: not run" : torchDescription(torchEnv));
        System.out.println("OpenBLAS environment: " + BenchmarkLauncher.unsetVariables());
        System.out.println(memory);
    }

    private static List<BenchmarkTable.Row> rows(Settings s) {
        var time = BenchmarkTable.Kind.TIME;
        var rate = BenchmarkTable.Kind.RATE;
        List<BenchmarkTable.Row> rows = new ArrayList<>(List.of(
                new BenchmarkTable.Row("tiny_fwd_bwd_us_per_op", "tiny-op chain forward+backward (µs/op, lower is better)", time),
                new BenchmarkTable.Row("tiny_nograd_us_per_op", "tiny-op chain no-grad forward (µs/op, lower is better)", time)));
        for (int b : s.batches()) {
            rows.add(new BenchmarkTable.Row("mlp_fwd_bwd_steps_per_s_" + b,
                    "MLP 784-256-10 fwd+bwd, batch " + b + " (steps/s, higher is better)", rate));
        }
        for (int b : s.batches()) {
            rows.add(new BenchmarkTable.Row("train_step_steps_per_s_" + b, "training step (fwd, CrossEntropyLoss, bwd, "
                    + "Adam, zeroGrad), batch " + b + " (steps/s, higher is better)", rate));
        }
        if (s.nd4j()) {  // the same workloads on the ND4J device, beside the CPU rows and PyTorch's figures
            for (BenchmarkTable.Row r : List.copyOf(rows)) {
                if (r.key().startsWith("tiny_") || r.key().startsWith("train_step_")) {
                    rows.add(new BenchmarkTable.Row(BenchmarkJgrad.ND4J + r.key(), r.label(), r.kind(), r.key()));
                }
            }
        }
        String epochs = s.epochs() + (s.epochs() == 1 ? " epoch" : " epochs");
        rows.add(new BenchmarkTable.Row("fashion_mnist_seconds", "Fashion-MNIST training, " + epochs
                + " at batch 128 with test evaluation (s, lower is better)", time));
        rows.add(new BenchmarkTable.Row("fashion_mnist_accuracy", "Fashion-MNIST test accuracy after " + epochs,
                BenchmarkTable.Kind.INFO));
        rows.add(new BenchmarkTable.Row("cnn_epoch_seconds", "Fashion-MNIST CNN epoch at batch 128, projected from its "
                + "first " + s.cnnBatches() + " batches (s, lower is better)", time));
        return rows;
    }

    /** The full Fashion-MNIST, or null with a line saying the row is skipped. */
    private static FashionMnist fullFashionMnist() {
        try {
            FashionMnist data = FashionMnist.load();
            if (!data.subset()) {
                System.out.printf("Fashion-MNIST: %s (%,d train / %,d test images)%n", data.source(), data.train().size(),
                        data.test().size());
                return data;
            }
        } catch (IllegalStateException e) {
            // neither the full set nor the bundled subset: skipped as below
        }
        System.out.println("Fashion-MNIST row skipped on both sides: the full data set is not installed "
                + "(/usr/share/datasets/fashion-mnist or $JGRAD_DATA; 'apt-get install dataset-fashion-mnist').");
        return null;
    }

    private static String accuracies(BenchmarkTable table, boolean ofJgrad) {
        return table.values("fashion_mnist_accuracy", ofJgrad).stream()
                .map(a -> a == null ? "-" : String.format("%.4f", a)).toList().toString();
    }

    private static String torchDescription(JsonNode env) {
        JsonNode ob = env.get("openblas");
        String blas = "BLAS libraries mapped: " + env.get("blas") + (ob == null || ob.isNull() ? ", no OpenBLAS among them"
                : String.format("; OpenBLAS %s: its own threads %d, core %s (%s)", ob.get("path").asText(),
                        ob.get("threads").asInt(), ob.get("core").asText(), ob.get("config").asText()));
        List<String> seen = new ArrayList<>();
        env.path("openblas_env").fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) seen.add(e.getKey() + "=" + e.getValue().asText());
        });
        return String.format("PyTorch %s: %d threads (torch.get_num_threads()); %s%s", env.get("torch").asText(),
                env.get("threads").asInt(), blas, seen.isEmpty() ? "" : "; its environment still had " + seen);
    }

    private static String bytedecoVersion() {
        try {
            String v = Loader.getVersion("org.bytedeco", "openblas");
            return v == null ? "?" : v;
        } catch (IOException e) {
            return "?";
        }
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 2)).orElse("unknown CPU")
                    + ", " + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
