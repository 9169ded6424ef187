package io.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.function.Executable;

/** Asserts an exact exception type (no subclasses) whose message holds every fragment. */
final class InputAssert {
    private InputAssert() {}

    static String assertError(Class<? extends Throwable> type, Executable call, String... fragments) {
        Throwable caught = null;
        try {
            call.execute();
        } catch (Throwable t) {
            caught = t;
        }
        if (caught == null) fail("expected " + type.getSimpleName() + " but nothing was thrown");
        Throwable thrown = caught;
        assertEquals(type, thrown.getClass(), () -> "got " + thrown);
        String msg = thrown.getMessage();
        assertNotNull(msg);
        for (String f : fragments) assertTrue(msg.contains(f), () -> "message should contain \"" + f + "\" but was: " + msg);
        return msg;
    }
}
