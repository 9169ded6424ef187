package io.jgrad.core;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.function.Executable;

/**
 * The one check behind every error-message test, shared with the other modules' tests. The project rule:
 * "Bad input gets a clear error, never silence and never a JVM crash. Say which argument, the shapes or
 * values seen, what was expected and the likely fix." One test per error kind, each asserting the exact
 * exception type (so an ArrayIndexOutOfBoundsException never passes for an IndexOutOfBoundsException) and
 * the key facts of the message.
 */
public final class ErrorAssert {
    private ErrorAssert() {}

    /**
     * Runs {@code call}, which must throw exactly {@code type} (not a subclass: that is how a raw
     * ArrayIndexOutOfBoundsException would sneak past an IndexOutOfBoundsException check), with a
     * message containing every fragment. Returns the message.
     */
    public static String assertError(Class<? extends Throwable> type, Executable call, String... fragments) {
        return assertErrorOneOf(List.of(type), call, fragments);
    }

    /** As {@link #assertError}, accepting any one of {@code types}. */
    public static String assertErrorOneOf(List<Class<? extends Throwable>> types, Executable call, String... fragments) {
        Throwable caught = null;
        try {
            call.execute();
        } catch (Throwable t) {
            caught = t;
        }
        if (caught == null) fail("expected " + names(types) + " but nothing was thrown");
        Throwable thrown = caught;
        assertTrue(types.contains(thrown.getClass()), () -> "expected " + names(types) + " but got " + thrown);
        String msg = thrown.getMessage();
        assertNotNull(msg, "the exception has no message");
        for (String f : fragments) {
            assertTrue(msg.contains(f), () -> "message should contain \"" + f + "\" but was: " + msg);
        }
        return msg;
    }

    private static String names(List<Class<? extends Throwable>> types) {
        return types.stream().map(Class::getSimpleName).collect(Collectors.joining(" or "));
    }
}
