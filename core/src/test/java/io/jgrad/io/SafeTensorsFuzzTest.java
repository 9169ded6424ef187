package io.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jgrad.core.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupts a valid file at random (flipped bytes, then truncation) and loads it: each load must either
 * succeed with well-formed tensors or refuse with the library's message, never an unchecked failure
 * from deep inside the reader, an out-of-memory or a hang.
 */
class SafeTensorsFuzzTest {
    private static final int MUTATIONS = 2_000;

    @TempDir
    Path dir;

    @Test
    void corruptedFilesLoadOrAreRefusedClearly() throws Exception {
        Path valid = dir.resolve("valid.safetensors");
        Tensors.save(SafeTensorsTest.sample(), Map.of("format", "pt"), valid);
        byte[] original = Files.readAllBytes(valid);
        Random rnd = new Random(20240607L);
        Path f = dir.resolve("mutant.safetensors");
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < MUTATIONS; i++) {
                byte[] bytes = mutate(original, rnd);
                Files.write(f, bytes);
                try {
                    Map<String, Tensor> m = Tensors.load(f);
                    Tensors.metadata(f);
                    for (Tensor t : m.values()) {
                        assertEquals(Arrays.stream(t.shape()).asLongStream().reduce(1, (a, b) -> a * b), t.numel());
                        assertTrue(t.numel() <= bytes.length, "more elements than the file has bytes");
                    }
                    outcomes[0]++;
                } catch (IllegalArgumentException e) {
                    assertTrue(e.getMessage().startsWith("safetensors file " + f + ": "), e.getMessage());
                    outcomes[1]++;
                } catch (Throwable t) {
                    fail("mutation " + i + " of " + Arrays.toString(Arrays.copyOf(bytes, Math.min(bytes.length, 64)))
                            + "... threw " + t, t);
                }
            }
        });
        assertTrue(outcomes[0] > 0 && outcomes[1] > 0, "both outcomes exercised: " + Arrays.toString(outcomes));
    }

    /** Mostly header damage, where the parser and validator live; sometimes a cut at a random length. */
    private static byte[] mutate(byte[] original, Random rnd) {
        byte[] b = original.clone();
        int flips = 1 + rnd.nextInt(4);
        int headerEnd = (int) Math.min(b.length, 8 + (b[0] & 0xFF) + ((b[1] & 0xFF) << 8));
        for (int k = 0; k < flips; k++) {
            int at = rnd.nextInt(4) == 0 ? rnd.nextInt(b.length) : rnd.nextInt(headerEnd);
            b[at] = rnd.nextBoolean() ? (byte) rnd.nextInt(256) : (byte) "0123456789[]{},:\"-.e ".charAt(rnd.nextInt(21));
        }
        return rnd.nextInt(5) == 0 ? Arrays.copyOf(b, rnd.nextInt(b.length + 1)) : b;
    }
}
