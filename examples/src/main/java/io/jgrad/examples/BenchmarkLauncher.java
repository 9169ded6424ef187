package io.jgrad.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs {@link Benchmark}'s measurements in a child JVM whose environment lacks
 * {@code OPENBLAS_CORETYPE} and {@code OPENBLAS_L2_SIZE}, as a user's machine normally does (some
 * machines export them, and both OpenBLAS builds obey them), and has {@code OPENBLAS_VERBOSE=2}, with
 * which OpenBLAS prints the kernel it picks ("Core: Cooperlake") on stderr as it loads. The parent
 * reads that line from the child's stderr, forwards everything else, and hands the name to the child
 * on its stdin once the child says OpenBLAS is loaded, so the child's report can state it.
 *
 * <p>Only the benchmark's own launch changes the environment: tests and CI never do.
 */
final class BenchmarkLauncher {
    static final List<String> OPENBLAS_VARIABLES = List.of("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE");
    /** System properties the parent gives the child: that it is the child, and what was unset. */
    private static final String CHILD = "jgrad.benchmark.child", UNSET = "jgrad.benchmark.unset";
    private static final String LOADED = "jgrad-benchmark: OpenBLAS loaded; core?";

    private BenchmarkLauncher() {}

    static boolean inChild() {
        return Boolean.getBoolean(CHILD);
    }

    /**
     * Parent: runs {@code Benchmark} with {@code args} in a child JVM (same java binary, class path and
     * -X options), stdout inherited and stderr forwarded; returns the child's exit status.
     */
    static int relaunch(String[] args) throws IOException, InterruptedException {
        Map<String, String> unset = new LinkedHashMap<>();
        for (String v : OPENBLAS_VARIABLES) {
            if (System.getenv(v) != null) unset.put(v, System.getenv(v));
        }
        List<String> cmd = new ArrayList<>(List.of(javaBinary()));
        // -X options only (heap, GC, JIT): under exec:java the rest are Maven's own.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-X")).forEach(cmd::add);
        cmd.addAll(List.of("-D" + CHILD + "=true", "-D" + UNSET + "=" + describe(unset), "-cp", classPath(),
                Benchmark.class.getName()));
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.INHERIT);
        OPENBLAS_VARIABLES.forEach(pb.environment()::remove);
        pb.environment().put("OPENBLAS_VERBOSE", "2");
        System.out.println(unset.isEmpty()
                ? "Running the benchmark in a child JVM (neither " + String.join(" nor ", OPENBLAS_VARIABLES) + " is set)."
                : "Running the benchmark in a child JVM without " + describe(unset)
                        + ": unset for jgrad and PyTorch, as on a user's machine.");
        Process child = pb.start();
        Thread stopChild = new Thread(child::destroy);
        Runtime.getRuntime().addShutdownHook(stopChild);
        Thread stderr = new Thread(() -> forwardStderr(child), "benchmark-child-stderr");
        stderr.start();
        int status = child.waitFor();
        stderr.join();
        Runtime.getRuntime().removeShutdownHook(stopChild);
        return status;
    }

    /** Forwards the child's stderr but for OpenBLAS's "Core:" line, whose name goes to the child's stdin. */
    private static void forwardStderr(Process child) {
        String core = null;
        boolean answered = false;
        try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = err.readLine()) != null; ) {
                if (!answered && line.startsWith("Core: ")) {
                    core = line.substring("Core: ".length()).trim();
                } else if (!answered && line.equals(LOADED)) {
                    answered = true;
                    try (Writer in = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
                        in.write((core == null ? "unknown (OpenBLAS printed no \"Core:\" line)" : core) + "\n");
                    }
                } else {
                    System.err.println(line);
                }
            }
        } catch (IOException e) {
            System.err.println("Benchmark: lost the child JVM's stderr: " + e.getMessage());
        }
    }

    /** Child, once OpenBLAS is loaded: the kernel it picked, as the parent read it from our stderr. */
    static String openBlasCore() throws IOException {
        if (!inChild()) return "unknown (not started through Benchmark's relaunch)";
        System.err.println(LOADED);
        System.err.flush();
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? "unknown" : line;
    }

    /** Child: which of the OpenBLAS variables the parent removed, with their values. */
    static String unsetVariables() {
        String unset = System.getProperty(UNSET, "");
        return unset.isEmpty() ? "neither " + String.join(" nor ", OPENBLAS_VARIABLES) + " was set"
                : "unset for both sides: " + unset;
    }

    private static String describe(Map<String, String> variables) {
        return variables.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The class path this class came from: exec:java's class loader, or java.class.path. */
    private static String classPath() {
        if (BenchmarkLauncher.class.getClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 0) {
            List<String> paths = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    paths.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new IllegalStateException("Benchmark: cannot relaunch with class path entry " + url, e);
                }
            }
            return String.join(java.io.File.pathSeparator, paths);
        }
        return System.getProperty("java.class.path");
    }
}
