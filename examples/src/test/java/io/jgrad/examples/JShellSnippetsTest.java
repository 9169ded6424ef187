package io.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs README's Java blocks and every {@code jshell>} transcript in the javadoc through the JShell API
 * after jshell/startup.jsh, as {@code ./jshell.sh} would: each snippet must be VALID and throw nothing.
 * (A JShell script run from the command line exits 0 even when snippets fail, so this is the check.)
 */
class JShellSnippetsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static Stream<Arguments> sources() throws IOException {
        List<Arguments> out = new ArrayList<>();
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher blocks = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        for (int i = 1; blocks.find(); i++) out.add(Arguments.of("README block " + i, blocks.group(1)));
        try (Stream<Path> files = Stream.of("core", "nn", "optim", "examples")
                .flatMap(m -> walk(ROOT.resolve(m).resolve("src/main/java")))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String transcript = transcript(Files.readString(f));
                if (!transcript.isEmpty()) out.add(Arguments.of(ROOT.relativize(f).toString(), transcript));
            }
        }
        return out.stream();
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Separates transcript entries: each "jshell>" line is evaluated on its own, as JShell does, so an
     * entry ending in an expression without a semicolon does not run into the next one.
     */
    private static final String ENTRY = "\u0001";

    /** The input lines of a javadoc transcript: "jshell> code" and its "...> continued" lines. */
    static String transcript(String source) {
        StringBuilder sb = new StringBuilder();
        for (String line : source.split("\n")) {
            Matcher m = Pattern.compile("^\\s*\\*\\s*(jshell>|\\.\\.\\.>)(.*)$").matcher(line);
            if (m.matches() && m.group(1).equals("jshell>")) sb.append(ENTRY);
            if (m.matches()) sb.append(m.group(2).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")).append('\n');
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void everySnippetRuns(String name, String code) throws IOException {
        try (JShell shell = startedShell()) {
            int snippets = 0;
            for (String entry : code.split(ENTRY)) snippets += run(shell, name, entry);
            assertTrue(snippets > 0, name + " has no snippets");
        }
    }

    @org.junit.jupiter.api.Test
    void catchesBrokenAndThrowingSnippets() throws IOException {
        try (JShell shell = startedShell()) {
            org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> run(shell, "bad", "Tensor.nope();\n"));
            org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                    () -> run(shell, "throws", "Tensor.zeros(2, 3).matmul(Tensor.zeros(2, 3));\n"));
        }
    }

    @org.junit.jupiter.api.Test
    void startupMeansJgradsModule() throws IOException {
        try (JShell shell = startedShell()) {
            assertTrue(run(shell, "module", "Module m = new Linear(2, 1);\n") > 0);
        }
    }

    /** A local JShell with the test class path and jshell/startup.jsh evaluated, as ./jshell.sh starts. */
    private static JShell startedShell() throws IOException {
        JShell shell = JShell.builder().executionEngine("local").build();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            shell.addToClasspath(entry);
        }
        run(shell, "jshell/startup.jsh", Files.readString(ROOT.resolve("jshell/startup.jsh")));
        return shell;
    }

    private static int run(JShell shell, String name, String code) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = code;
        int count = 0;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String source = info.source() == null ? remaining : info.source();
            for (SnippetEvent e : shell.eval(source)) {
                if (e.causeSnippet() != null) continue;
                if (e.status() != Snippet.Status.VALID) {
                    fail(name + ": snippet is " + e.status() + ": " + source.strip() + "\n"
                            + shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList());
                }
                if (e.exception() != null) fail(name + ": " + source.strip() + " threw " + e.exception());
                count++;
            }
            assertFalse(info.remaining() == null, name + ": cannot parse " + remaining);
            remaining = info.remaining();
        }
        return count;
    }
}
