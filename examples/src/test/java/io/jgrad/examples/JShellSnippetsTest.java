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
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs README's Java blocks and every {@code jshell>} transcript in the javadoc through the JShell API
 * after jshell/startup.jsh, as {@code ./jshell.sh} would: each snippet must be VALID and throw nothing,
 * and each echo a transcript shows ({@code $1 ==> tensor([ 3, 12])}, {@code y ==> ...}) must be what
 * JShell printed for that entry. (A JShell script run from the command line exits 0 even when snippets
 * fail, so this is the check.)
 */
class JShellSnippetsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static Stream<Arguments> sources() throws IOException {
        List<Arguments> out = new ArrayList<>();
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher blocks = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        for (int i = 1; blocks.find(); i++) {
            out.add(Arguments.of("README block " + i, List.of(new Entry(blocks.group(1), List.of()))));
        }
        try (Stream<Path> files = Stream.of("core", "nn", "optim", "examples")
                .flatMap(m -> walk(ROOT.resolve(m).resolve("src/main/java")))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<Entry> entries = entries(Files.readString(f));
                if (!entries.isEmpty()) out.add(Arguments.of(ROOT.relativize(f).toString(), entries));
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
     * One {@code jshell>} entry of a transcript: its code (with any {@code ...>} continuation lines) and
     * the echoes shown under it, each {@code name ==> value} (a value may run over several lines).
     * Entries are evaluated one by one, as JShell does, so one ending in an expression without a
     * semicolon does not run into the next.
     */
    record Entry(String code, List<String> echoes) {}

    private static final Pattern PROMPT = Pattern.compile("^\\s*\\*\\s*(jshell>|\\.\\.\\.>)(.*)$");
    private static final Pattern ECHO = Pattern.compile("^\\s*\\*\\s*(\\S+ ==> .*)$");
    private static final Pattern CONTINUED = Pattern.compile("^\\s*\\* (.*\\S.*)$");

    /** The entries of a source file's javadoc transcripts, in order. */
    static List<Entry> entries(String source) {
        List<Entry> out = new ArrayList<>();
        StringBuilder code = null;
        List<String> echoes = new ArrayList<>();
        boolean inEcho = false;
        for (String line : source.split("\n")) {
            Matcher prompt = PROMPT.matcher(line), echo = ECHO.matcher(line), continued = CONTINUED.matcher(line);
            if (prompt.matches()) {
                if (prompt.group(1).equals("jshell>")) {
                    if (code != null) out.add(new Entry(code.toString(), echoes));
                    code = new StringBuilder();
                    echoes = new ArrayList<>();
                }
                if (code != null) code.append(unescape(prompt.group(2))).append('\n');
                inEcho = false;
            } else if (code != null && echo.matches()) {
                echoes.add(unescape(echo.group(1)));
                inEcho = true;
            } else if (inEcho && continued.matches() && !line.contains("</pre>")) {
                echoes.set(echoes.size() - 1, echoes.get(echoes.size() - 1) + "\n" + unescape(continued.group(1)));
            } else {
                inEcho = false;
            }
        }
        if (code != null) out.add(new Entry(code.toString(), echoes));
        return out;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void everySnippetRuns(String name, List<Entry> entries) throws IOException {
        try (JShell shell = startedShell()) {
            int snippets = 0;
            for (Entry entry : entries) {
                List<String> printed = new ArrayList<>();
                snippets += run(shell, name, entry.code(), printed);
                assertEchoes(name, entry, printed);
            }
            assertTrue(snippets > 0, name + " has no snippets");
        }
    }

    /**
     * Each echo the transcript shows must be one JShell printed for the entry, in order (a transcript
     * may leave some out). A {@code $n} name stands for any temporary, since the numbers JShell gives
     * depend on what ran before; a value ending in {@code ...} (or {@code ..."}) is a prefix.
     */
    private static void assertEchoes(String name, Entry entry, List<String> printed) {
        int next = 0;
        for (String want : entry.echoes()) {
            String wantName = want.substring(0, want.indexOf(" ==> ")), wantValue = want.substring(want.indexOf(" ==> ") + 5);
            boolean prefix = wantValue.endsWith("...") || wantValue.endsWith("...\"");
            String head = prefix ? wantValue.substring(0, wantValue.lastIndexOf("...")) : wantValue;
            boolean found = false;
            while (!found && next < printed.size()) {
                String got = printed.get(next++);
                String gotName = got.substring(0, got.indexOf(" ==> ")), gotValue = got.substring(got.indexOf(" ==> ") + 5);
                boolean sameName = wantName.startsWith("$") ? gotName.startsWith("$") : wantName.equals(gotName);
                found = sameName && (prefix ? gotValue.startsWith(head) : gotValue.equals(wantValue));
            }
            if (!found) {
                fail(name + ": " + entry.code().strip() + "\n  transcript shows: " + want + "\n  JShell printed:    "
                        + String.join("\n                     ", printed));
            }
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
    void comparesEchoes() throws IOException {
        String source = """
                 * <pre>
                 * jshell> var x = Tensor.arange(4).reshape(2, 2);
                 * jshell> x.sum()
                 * $2 ==> %s
                 * jshell> x
                 * x ==> tensor([[0, 1],
                 *         [2, 3]])
                 * </pre>
                """;
        try (JShell shell = startedShell()) {
            for (Entry e : entries(source.formatted("tensor(6)"))) {
                List<String> printed = new ArrayList<>();
                run(shell, "right", e.code(), printed);
                assertEchoes("right", e, printed);
            }
            Entry wrong = entries(source.formatted("tensor(7)")).get(1);
            List<String> printed = new ArrayList<>();
            run(shell, "wrong", wrong.code(), printed);
            org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> assertEchoes("wrong", wrong, printed));
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
        return run(shell, name, code, new ArrayList<>());
    }

    /** Evaluates {@code code}, adding to {@code printed} the {@code name ==> value} echo of each snippet that has one. */
    private static int run(JShell shell, String name, String code, List<String> printed) {
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
                if (e.value() != null && e.snippet() instanceof VarSnippet v) printed.add(v.name() + " ==> " + e.value());
                if (e.value() != null && e.snippet() instanceof ExpressionSnippet x) printed.add(x.name() + " ==> " + e.value());
                count++;
            }
            assertFalse(info.remaining() == null, name + ": cannot parse " + remaining);
            remaining = info.remaining();
        }
        return count;
    }
}
