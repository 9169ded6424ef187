package io.jgrad.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The PyTorch half of {@link Benchmark}: examples/bench/benchmark_pytorch.py as one long-lived
 * subprocess ({@code --serve}) that answers each "round" line on its stdin with one JSON line of
 * results, so it imports torch and loads Fashion-MNIST once and fixes its step counts in the first
 * round, as {@link BenchmarkJgrad} does in-process. Its stderr (progress) is inherited.
 */
final class BenchmarkPyTorch implements AutoCloseable {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final List<Path> SCRIPTS = List.of(Path.of("examples/bench/benchmark_pytorch.py"),
            Path.of("bench/benchmark_pytorch.py"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    /** The script's first line: torch version, threads, loaded BLAS, OpenBLAS core, ... */
    final JsonNode environment;

    /** Ends the script if this JVM is stopped mid-round. */
    private final Thread stopOnExit;

    private BenchmarkPyTorch(Process process, BufferedReader out, Writer in, JsonNode environment) {
        this.process = process;
        this.out = out;
        this.in = in;
        this.environment = environment;
        this.stopOnExit = new Thread(process::destroy);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts the script with the benchmark's settings and the Fashion-MNIST folder jgrad uses (null to
     * skip that row); null, with a line saying why, when Python, torch or the script is missing.
     */
    static BenchmarkPyTorch start(Benchmark.Settings s, String fashionMnistFolder) throws IOException {
        Path script = SCRIPTS.stream().filter(Files::isRegularFile).findFirst().orElse(null);
        if (!Files.isExecutable(PYTHON) || script == null) {
            System.out.println("PyTorch skipped: needs " + PYTHON + " and " + SCRIPTS.get(0)
                    + " (run from the repository root); jgrad numbers only.");
            return null;
        }
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), script.toString(), "--serve",
                "--threads", String.valueOf(s.threads()), "--repeats", String.valueOf(s.repeats()),
                "--warmup", String.valueOf(s.warmupSeconds()), "--window", String.valueOf(s.windowSeconds()),
                "--epochs", String.valueOf(s.epochs()), "--cnn-batches", String.valueOf(s.cnnBatches()), "--batches",
                String.join(",", Arrays.stream(s.batches()).mapToObj(String::valueOf).toList())));
        if (fashionMnistFolder == null) cmd.add("--no-fashion-mnist");
        else cmd.addAll(List.of("--fashion-mnist", fashionMnistFolder));
        System.out.println("PyTorch: starting " + String.join(" ", cmd) + " (its progress goes to stderr) ...");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        // A user's machine normally sets none of these; this process's environment already lacks the first
        // two when Benchmark relaunched itself, and OPENBLAS_VERBOSE is jgrad's (Benchmark reads its "Core:").
        BenchmarkLauncher.OPENBLAS_VARIABLES.forEach(pb.environment()::remove);
        pb.environment().remove("OPENBLAS_VERBOSE");
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
        String first = out.readLine();
        if (first == null) {
            boolean ended = waitFor(p);
            System.out.println("PyTorch failed (" + (ended ? "exit " + p.exitValue() : "no answer")
                    + "; is torch installed for " + PYTHON + "?); jgrad numbers only.");
            p.destroy();
            return null;
        }
        return new BenchmarkPyTorch(p, out, in, JSON.readTree(first));
    }

    /** One round of the script's measurements, by row key (null values: row skipped); null if it died. */
    Map<String, Double> round() throws IOException {
        in.write("round\n");
        in.flush();
        String line = out.readLine();
        if (line == null) {
            System.out.println("PyTorch exited during a round (status " + exitOf(process) + "); jgrad numbers only "
                    + "from here on.");
            return null;
        }
        Map<String, Double> r = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = JSON.readTree(line).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            r.put(e.getKey(), e.getValue().isNumber() ? e.getValue().asDouble() : null);
        }
        return r;
    }

    private static String exitOf(Process p) {
        return waitFor(p) ? String.valueOf(p.exitValue()) : "still running";
    }

    private static boolean waitFor(Process p) {
        try {
            return p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();  // EOF on stdin ends the script's loop
        if (!waitFor(process)) process.destroy();
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
    }
}
