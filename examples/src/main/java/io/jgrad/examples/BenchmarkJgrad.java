package io.jgrad.examples;

import io.jgrad.core.Device;
import io.jgrad.core.Tensor;
import io.jgrad.nn.Linear;
import io.jgrad.nn.ReLU;
import io.jgrad.nn.Sequential;
import io.jgrad.nn.loss.CrossEntropyLoss;
import io.jgrad.optim.Adam;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;

/**
 * The jgrad half of {@link Benchmark}: the same workloads, row keys and timing method as
 * examples/bench/benchmark_pytorch.py, function for function; keep the two in step.
 */
final class BenchmarkJgrad {
    /** The prefix of the ND4J device's row keys; the rest is the key of the CPU row and PyTorch's figure. */
    static final String ND4J = "nd4j_";

    /** Published results, so the JIT cannot prove a no-grad chain unused and drop it. */
    private static volatile Tensor sink;

    private final Benchmark.Settings settings;
    private final Timer timer;
    /** The full Fashion-MNIST, or null (the row is skipped). */
    private final FashionMnist data;

    BenchmarkJgrad(Benchmark.Settings settings, FashionMnist data) {
        this.settings = settings;
        this.timer = new Timer(settings.warmupSeconds(), settings.windowSeconds(), settings.repeats());
        this.data = data;
    }

    /**
     * One round: the same rows, in the same order, as benchmark_pytorch.py's run_round, then (unless
     * --no-nd4j) the tiny-op chains and training steps again with the ND4J device as the default.
     */
    Map<String, Double> round() {
        Map<String, Double> r = new LinkedHashMap<>();
        tinyChains(r, "");
        for (int b : settings.batches()) {
            System.out.println("jgrad: MLP forward+backward, batch " + b + " ...");
            r.put("mlp_fwd_bwd_steps_per_s_" + b, timer.rate("mlp_fwd_bwd_" + b, mlpFwdBwd(b)));
        }
        trainingSteps(r, "");
        if (data == null) {
            r.put("fashion_mnist_seconds", null);
            r.put("fashion_mnist_accuracy", null);
        } else {
            System.out.printf("jgrad: Fashion-MNIST, %d epoch(s) ...%n", settings.epochs());
            TrainFashionMnist.Result t = TrainFashionMnist.train(data, settings.epochs(), false);
            System.out.printf("  %.1f s, train loss %s, test accuracy %s%n", t.seconds(), rounded(t.trainLoss()),
                    rounded(t.testAccuracy()));
            r.put("fashion_mnist_seconds", t.seconds());
            r.put("fashion_mnist_accuracy", t.testAccuracy().get(settings.epochs() - 1));
        }
        r.put("cnn_epoch_seconds", data == null ? null : cnnEpochSeconds());
        if (settings.nd4j()) {
            Device before = Tensor.getDefaultDevice();
            Tensor.setDefaultDevice(Device.ND4J);  // the rows' models and inputs are created there
            try {
                tinyChains(r, ND4J);
                trainingSteps(r, ND4J);
            } finally {
                Tensor.setDefaultDevice(before);
            }
        }
        return r;
    }

    /** Rows (a) with their keys prefixed: "" on the CPU device, {@link #ND4J} on that device. */
    private void tinyChains(Map<String, Double> r, String prefix) {
        System.out.println("jgrad" + device(prefix) + ": tiny-op chain ...");
        r.put(prefix + "tiny_fwd_bwd_us_per_op", 1e6 / (600 * timer.rate(prefix + "tiny_fwd_bwd", () -> tinyChain(true))));
        // noGrad wraps the whole measurement so no graph is recorded at all.
        try (var g = Tensor.noGrad()) {
            r.put(prefix + "tiny_nograd_us_per_op", 1e6 / (600 * timer.rate(prefix + "tiny_nograd", () -> tinyChain(false))));
        }
    }

    /** Rows (c) with their keys prefixed, as {@link #tinyChains}. */
    private void trainingSteps(Map<String, Double> r, String prefix) {
        for (int b : settings.batches()) {
            System.out.println("jgrad" + device(prefix) + ": training step, batch " + b + " ...");
            r.put(prefix + "train_step_steps_per_s_" + b, timer.rate(prefix + "train_step_" + b, trainingStep(b)));
        }
    }

    private static String device(String prefix) {
        return prefix.isEmpty() ? "" : " (" + Device.ND4J + " device)";
    }

    // (a) tiny-op chain

    private static void tinyChain(boolean grad) {
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

    // (b) plain-tensor MLP forward+backward

    /** nn.Linear's init, uniform ±1/sqrt(fan_in), as a bare leaf tensor. */
    private static Tensor uniform(int fanIn, int... shape) {
        return Tensor.rand(shape).mul(2).sub(1).mul(1 / Math.sqrt(fanIn)).detach().requiresGrad(true);
    }

    private static Runnable mlpFwdBwd(int batch) {
        Tensor w1 = uniform(784, 784, 256), b1 = uniform(784, 256);
        Tensor w2 = uniform(256, 256, 10), b2 = uniform(256, 10);
        Tensor[] params = {w1, b1, w2, b2};
        Tensor x = Tensor.randn(batch, 784);
        Tensor y = Tensor.randint(0, 10, batch);
        return () -> {
            Tensor h = x.matmul(w1).add(b1).relu();
            Tensor logits = h.matmul(w2).add(b2);
            Tensor loss = logits.logSoftmax(1).gather(1, y.unsqueeze(1)).mean().neg();
            loss.backward();
            for (Tensor p : params) p.zeroGrad();
            sink = loss;
        };
    }

    // (c) full training step

    private static Sequential mlp() {
        return new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10));
    }

    static Runnable trainingStep(int batch) {
        Sequential model = mlp();
        CrossEntropyLoss lossFn = new CrossEntropyLoss();
        Adam optimizer = new Adam(model.parameters(), 1e-3);
        Tensor x = Tensor.randn(batch, 784);
        Tensor y = Tensor.randint(0, 10, batch);
        return () -> {
            optimizer.zeroGrad();  // sets the gradients to null, PyTorch's set_to_none=True
            Tensor loss = lossFn.apply(model.apply(x), y);
            loss.backward();
            optimizer.step();
            sink = loss;
        };
    }

    // (d) Fashion-MNIST: TrainFashionMnist.train itself, called in round()

    // (e) Fashion-MNIST CNN

    private double cnnEpochSeconds() {
        int n = settings.cnnBatches();
        System.out.printf("jgrad: Fashion-MNIST CNN, the first %d batches of an epoch ...%n", n);
        TrainFashionMnistCnn.Timing t = TrainFashionMnistCnn.timeBatches(data, n);
        System.out.printf("  %.1f s, train loss %.4f%n", t.seconds(), t.trainLoss());
        return t.epochSeconds();
    }

    private static List<Double> rounded(List<Double> values) {
        return values.stream().map(v -> Math.round(v * 1e4) / 1e4).toList();
    }

    // memory, jgrad only

    /** Off-heap and heap memory before and after {@code steps} full training steps at batch 32. */
    static String memoryOverSteps(int steps) {
        Runnable step = trainingStep(32);
        for (int i = 0; i < 100; i++) step.run();
        Memory before = Memory.now();
        for (int i = 0; i < steps; i++) step.run();
        Memory after = Memory.now();
        return String.format("Memory over %,d training steps (forward, CrossEntropyLoss, backward, Adam.step, zeroGrad) "
                        + "at batch 32, after GC, before -> after:%n"
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

    /**
     * Warm-up, a step count fixed on first use of a key (a window's worth at the median warm-up call,
     * which a burst of load on the machine hardly moves), median of repeats: benchmark_pytorch.py's
     * Timer, line for line.
     */
    static final class Timer {
        private final double warmup, window;
        private final int repeats;
        private final Map<String, Integer> steps = new HashMap<>();

        Timer(double warmupSeconds, double windowSeconds, int repeats) {
            this.warmup = warmupSeconds;
            this.window = windowSeconds;
            this.repeats = repeats;
        }

        /** Median calls of {@code body} per second. */
        double rate(String key, Runnable body) {
            double[] calls = new double[64];  // seconds per warm-up call
            int count = 0;
            long end = System.nanoTime() + (long) (warmup * 1e9);
            do {
                long t0 = System.nanoTime();
                body.run();
                if (count == calls.length) calls = Arrays.copyOf(calls, 2 * count);
                calls[count++] = (System.nanoTime() - t0) / 1e9;
            } while (System.nanoTime() < end);
            // The steps that fit in one window at the median warm-up call, counted in the first round only.
            if (!steps.containsKey(key)) steps.put(key, Math.max(5, (int) (window / median(Arrays.copyOf(calls, count)))));
            int n = steps.get(key);
            double[] rates = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) body.run();
                rates[r] = n / ((System.nanoTime() - t0) / 1e9);
            }
            System.out.printf("  %s: %d steps/repeat, %s /s%n", key, n,
                    Arrays.toString(Arrays.stream(rates).map(v -> Math.round(v * 10) / 10.0).toArray()));
            return median(rates);
        }
    }

    /** The median, averaging the middle two of an even count (as Python's statistics.median). */
    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
