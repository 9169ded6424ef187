package io.jgrad.core;

import static io.jgrad.core.ErrorAssert.assertError;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/** {@link ErrorAssert} itself: a missing fragment, a wrong exception type or no exception must fail the check. */
class ErrorAssertTest {
    @Test
    void helperRejectsMissingFragmentsAndWrongExceptionTypes() {
        // Sanity check for the helper: a message that lacks a fragment must fail the assertion.
        AssertionError e = assertThrows(AssertionError.class, () -> assertError(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3).reshape(5), "this text is not in the message"));
        assertTrue(e.getMessage().contains("reshape:"), e.getMessage());
        AssertionError wrongType = assertThrows(AssertionError.class, () -> assertError(IndexOutOfBoundsException.class,
                () -> {
                    throw new ArrayIndexOutOfBoundsException("Index 0 out of bounds for length 0");
                }));
        assertTrue(wrongType.getMessage().contains("ArrayIndexOutOfBoundsException"), wrongType.getMessage());
        AssertionError silent = assertThrows(AssertionError.class,
                () -> assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).reshape(3, 2)));
        assertTrue(silent.getMessage().contains("nothing was thrown"), silent.getMessage());
    }
}
