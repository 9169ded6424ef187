package io.jgrad.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.core.Tensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.tool.JavaShellToolBuilder;
import org.junit.jupiter.api.Test;

/**
 * The feedback mode jshell/feedback.jsh defines, run through the JShell tool as ./jshell.sh starts it:
 * value echoes are whole, and everything else is JShell's normal mode.
 */
class JShellFeedbackTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** The JShell tool on {@code input}, with ./jshell.sh's start-up, in this JVM; its whole output. */
    private static String jshell(String input, String... feedback) throws Exception {
        List<String> args = new ArrayList<>(List.of("--execution", "local",
                "--class-path", System.getProperty("java.class.path"),
                "--startup", "DEFAULT", "--startup", ROOT.resolve("jshell/startup.jsh").toString()));
        args.addAll(List.of(feedback));
        args.add(ROOT.resolve("jshell/feedback.jsh").toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, UTF_8);
        int status = JavaShellToolBuilder.builder()
                .in(new ByteArrayInputStream(input.getBytes(UTF_8)), null)
                .out(print)
                .err(print)
                .persistence(new HashMap<>())  // not the user's retained JShell settings
                .start(args.toArray(String[]::new));
        assertEquals(0, status, out.toString(UTF_8));
        return out.toString(UTF_8);
    }

    @Test
    void echoesAWholeTenByTenTensor() throws Exception {
        String input = "var w = Tensor.arange(100).reshape(10, 10).div(7);\nw\n/exit\n";
        String text = Tensor.arange(100).reshape(10, 10).div(7).toString();
        assertTrue(text.length() > 80 && text.contains("\n"), text);
        assertEquals(2, count("w ==> " + text, jshell(input, "--feedback", "jgrad")));
        // JShell's own normal mode cuts the declaration's echo at 80 characters and the bare `w` at 1,000.
        String normal = jshell(input, "--feedback", "normal");
        assertTrue(text.length() > 1000, text);
        assertEquals(0, count("w ==> " + text, normal), normal);
        assertTrue(normal.contains(" ... "), normal);
    }

    private static int count(String part, String text) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void isTheNormalModeWithoutTruncation() throws Exception {
        String out = jshell("/set mode normal\n/set mode jgrad\n/exit\n", "--feedback", "jgrad");
        Matcher m = Pattern.compile("/set (mode|prompt|format|truncation) (normal|jgrad)\\b(.*)").matcher(out);
        List<String> normal = new ArrayList<>(), jgrad = new ArrayList<>();
        while (m.find()) (m.group(2).equals("normal") ? normal : jgrad).add(m.group(1) + m.group(3).stripTrailing());
        assertTrue(normal.removeIf(s -> s.startsWith("truncation")), normal.toString());
        assertTrue(normal.size() > 50, normal.toString());
        assertEquals(normal, jgrad, "jshell/feedback.jsh no longer matches this JDK's normal mode:\n" + out);
    }
}
