package io.jgrad.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jgrad.core.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.bytedeco.javacpp.Pointer;

/**
 * jgrad against PyTorch on identical work, in one session on one machine; prints a Markdown table for
 * README.md. The PyTorch half is examples/bench/benchmark_pytorch.py, run here as a subprocess; keep the
 * two in step.
 *
 * <p>(a) a chain of 600 tiny ops on a 4-element tensor ({@code *1.0001}, {@code +0.001}, {@code tanh},
 * 200 times), forward+backward and no-grad forward, in µs per op; (b) an MLP 784-256-10 forward and
 * backward (ReLU, log-softmax NLL, plain Tensor ops, float32) in steps/s at batch 32, 128 and 1024;
 * (c) off-heap and heap memory over 20,000 MLP steps at batch 32.
 *
 * <p>Run from the repository root: {@code ./mvnw -q -pl examples -am package -DskipTests exec:java
 * -Dexec.mainClass=io.jgrad.examples.Benchmark} (add {@code -Dexec.args=--quick} for a smoke run,
 * {@code --no-torch} to skip PyTorch).
 */
public final class Benchmark {
    private static final int[] BATCHES = {32, 128, 1024};
    private static final String SCRIPT = "examples/bench/benchmark_pytorch.py";
    /** Published results, so the JIT cannot prove a no-grad chain unused and drop it. */
    private static volatile Tensor sink;

    private final boolean quick;
    private final int repeats;

    private Benchmark(boolean quick) {
        this.quick = quick;
        this.repeats = quick ? 3 : 7;
    }

    public static void main(String[] args) throws Exception {
        List<String> opts = Arrays.asList(args);
        Benchmark b = new Benchmark(opts.contains("--quick"));
        // PyTorch runs first and alone, so the two never compete for the cores.
        JsonNode torch = opts.contains("--no-torch") ? null : b.runPyTorch();

        System.out.println("jgrad: tiny-op chain ...");
        double withGrad = b.tinyChain(true);
        double noGrad;
        try (var g = Tensor.noGrad()) {
            noGrad = b.tinyChain(false);
        }
        double[] mlp = new double[BATCHES.length];
        for (int i = 0; i < BATCHES.length; i++) {
            System.out.println("jgrad: MLP batch " + BATCHES[i] + " ...");
            mlp[i] = b.mlpStepsPerSecond(BATCHES[i]);
        }
        int memorySteps = b.quick ? 2_000 : 20_000;
        System.out.printf("jgrad: memory over %,d MLP steps ...%n", memorySteps);
        String memory = b.memoryOverSteps(memorySteps);

        System.out.println();
        System.out.println("| benchmark | jgrad | PyTorch 1.13 (OpenBLAS, 2 threads) | jgrad / PyTorch |");
        System.out.println("|---|---|---|---|");
        row("tiny-op chain forward+backward (µs/op, lower is better)", withGrad, torch, "tiny_fwd_bwd_us_per_op", true);
        row("tiny-op chain no-grad forward (µs/op, lower is better)", noGrad, torch, "tiny_nograd_us_per_op", true);
        for (int i = 0; i < BATCHES.length; i++) {
            row("MLP 784-256-10 fwd+bwd, batch " + BATCHES[i] + " (steps/s, higher is better)", mlp[i], torch,
                    "/mlp_steps_per_s/" + BATCHES[i], false);
        }
        System.out.println();
        System.out.println("jgrad / PyTorch > 1 means jgrad is faster (PyTorch µs / jgrad µs; jgrad steps/s / PyTorch "
                + "steps/s). Medians of " + b.repeats + " repeats after warm-up.");
        if (torch != null) {
            System.out.printf("PyTorch %s, %d threads, BLAS libraries loaded: %s%n", torch.get("torch").asText(),
                    torch.get("threads").asInt(), torch.get("blas"));
        }
        String omp = System.getenv("OMP_NUM_THREADS");
        System.out.printf("Java %s, OMP_NUM_THREADS=%s, %s, %s%n", System.getProperty("java.version"),
                omp == null ? "unset" : omp, cpu(), LocalDate.now());
        System.out.println(memory);
    }

    /** {@code key} is a JSON field name, or a JSON pointer when it starts with '/'. */
    private static void row(String name, double jgrad, JsonNode torch, String key, boolean lowerIsBetter) {
        JsonNode t = torch == null ? null : key.startsWith("/") ? torch.at(key) : torch.get(key);
        if (t == null || !t.isNumber()) {
            System.out.printf("| %s | %s | - | - |%n", name, fmt(jgrad));
            return;
        }
        double ratio = lowerIsBetter ? t.asDouble() / jgrad : jgrad / t.asDouble();
        System.out.printf("| %s | %s | %s | %.3g |%n", name, fmt(jgrad), fmt(t.asDouble()), ratio);
    }

    private static String fmt(double v) {
        return String.format(v < 10 ? "%.2f" : v < 100 ? "%.1f" : "%.0f", v);
    }

    private JsonNode runPyTorch() throws IOException, InterruptedException {
        Path python = Path.of("/usr/bin/python3");
        Path script = Path.of(SCRIPT);
        if (!Files.isExecutable(python) || !Files.exists(script)) {
            System.out.println("PyTorch skipped: needs " + python + " and " + script.toAbsolutePath()
                    + " (run from the repository root); jgrad numbers only.");
            return null;
        }
        System.out.println("PyTorch: running " + script + " (its progress goes to stderr) ...");
        List<String> cmd = new ArrayList<>(List.of(python.toString(), script.toString()));
        if (quick) cmd.add("--quick");
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0 || out.isEmpty()) {
            System.out.println("PyTorch failed (exit " + p.exitValue() + "; is torch installed for " + python
                    + "?); jgrad numbers only.");
            return null;
        }
        return new ObjectMapper().readTree(out.substring(out.lastIndexOf('\n') + 1));
    }

    /** Median µs per op; the caller sets the grad mode, as the Python script wraps the whole chain. */
    private double tinyChain(boolean grad) {
        int chains = quick ? 20 : 200;
        warmUp(() -> tinyChainOnce(grad));
        return median(() -> {
            long t0 = System.nanoTime();
            for (int i = 0; i < chains; i++) tinyChainOnce(grad);
            return (System.nanoTime() - t0) / 1e3 / (chains * 600.0);
        });
    }

    private static void tinyChainOnce(boolean grad) {
        Tensor x = Tensor.randn(4).requiresGrad(grad);
        Tensor y = x;
        for (int i = 0; i < 200; i++) {
            y = y.mul(1.0001);
            y = y.add(0.001);
            y = y.tanh();
        }
        if (grad) y.sum().backward();
        sink = y;
    }

    private double mlpStepsPerSecond(int batch) {
        Mlp m = new Mlp(batch);
        warmUp(m::step);
        // Fix the step count once, as the Python script does, so every repeat does the same work.
        long t0 = System.nanoTime();
        for (int i = 0; i < 10; i++) m.step();
        double perStep = (System.nanoTime() - t0) / 1e9 / 10;
        int n = Math.max(5, (int) ((quick ? 0.1 : 0.5) / perStep));
        return median(() -> {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) m.step();
            return n / ((System.nanoTime() - start) / 1e9);
        });
    }

    private static String memoryOverSteps(int steps) {
        Mlp m = new Mlp(32);
        for (int i = 0; i < 100; i++) m.step();
        Memory before = Memory.now();
        for (int i = 0; i < steps; i++) m.step();
        Memory after = Memory.now();
        return String.format("Memory over %,d MLP steps at batch 32 (after GC), before -> after:%n"
                        + "- JavaCPP off-heap Pointer.totalBytes(): %,d -> %,d bytes%n"
                        + "- process physical memory Pointer.physicalBytes(): %,d -> %,d bytes%n"
                        + "- JVM heap used: %,d -> %,d bytes",
                steps, before.offHeap, after.offHeap, before.physical, after.physical, before.heap, after.heap);
    }

    private record Memory(long offHeap, long physical, long heap) {
        static Memory now() {
            // GC first: heap "used" is only comparable between two points once garbage is gone.
            System.gc();
            Runtime rt = Runtime.getRuntime();
            return new Memory(Pointer.totalBytes(), Pointer.physicalBytes(), rt.totalMemory() - rt.freeMemory());
        }
    }

    /** The work of benchmark_pytorch.py's bench_mlp, in Tensor ops. */
    private static final class Mlp {
        final Tensor w1 = uniform(784, 784, 256), b1 = uniform(784, 256);
        final Tensor w2 = uniform(256, 256, 10), b2 = uniform(256, 10);
        final Tensor[] params = {w1, b1, w2, b2};
        final Tensor x, y;

        Mlp(int batch) {
            x = Tensor.randn(batch, 784);
            y = Tensor.randint(0, 10, batch);
        }

        void step() {
            Tensor h = x.matmul(w1).add(b1).relu();
            Tensor logits = h.matmul(w2).add(b2);
            Tensor loss = logits.logSoftmax(1).gather(1, y.unsqueeze(1)).mean().neg();
            loss.backward();
            for (Tensor p : params) p.zeroGrad();
        }

        /** nn.Linear's init, uniform ±1/sqrt(fan_in). */
        private static Tensor uniform(int fanIn, int... shape) {
            return Tensor.rand(shape).mul(2).sub(1).mul(1 / Math.sqrt(fanIn)).detach().requiresGrad(true);
        }
    }

    /** Runs {@code body} for ~2 s (0.5 s quick): the JIT needs several thousand tiny chains to settle. */
    private void warmUp(Runnable body) {
        long end = System.nanoTime() + (quick ? 500_000_000L : 2_000_000_000L);
        while (System.nanoTime() < end) body.run();
    }

    private double median(DoubleSupplier sample) {
        double[] s = new double[repeats];
        for (int i = 0; i < repeats; i++) s[i] = sample.getAsDouble();
        Arrays.sort(s);
        return s[repeats / 2];
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
