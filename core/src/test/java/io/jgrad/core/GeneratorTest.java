package io.jgrad.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The generator's stream is SplittableRandom's, draw for draw, and its state round-trips. */
class GeneratorTest {
    @Test
    void drawsTheSameNumbersAsSplittableRandom() {
        for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE}) {
            Generator g = new Generator(seed);
            SplittableRandom r = new SplittableRandom(seed);
            for (int i = 0; i < 20_000; i++) {
                switch (i % 3) {
                    case 0 -> assertEquals(r.nextDouble(), g.nextUniform(), "uniform " + i);
                    case 1 -> assertEquals(r.nextGaussian(), g.nextGaussian(), "gaussian " + i);
                    default -> assertEquals(r.nextLong(-3, 1_000_003), g.nextLong(-3, 1_000_003), "long " + i);
                }
            }
        }
    }

    @Test
    void aRestoredStateContinuesTheStream() {
        Generator g = new Generator(5);
        Tensor.randn(g, 10);
        Tensor state = g.getState();
        Tensor next = Tensor.randn(g, 7);
        Generator other = new Generator(123).setState(state);
        assertArrayEquals(next.toFloatArray(), Tensor.randn(other, 7).toFloatArray());
        assertEquals(5, other.initialSeed());
    }

    @Test
    void aStateOfTheWrongKindIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Generator(0).setState(Tensor.zeros(3)));
        assertTrue(e.getMessage().contains("expected the int64 tensor of shape [2]"), e.getMessage());
    }
}
