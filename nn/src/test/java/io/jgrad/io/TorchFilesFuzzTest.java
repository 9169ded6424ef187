package io.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged copies of a real checkpoint: flipped bytes anywhere in the file, truncations, and flipped
 * bytes inside data.pkl of an otherwise valid zip (the zip's own checks would catch most of the first
 * kind before the unpickler sees them). Loading must succeed or fail with the reader's
 * IllegalArgumentException: never another exception, an OutOfMemoryError or a hang.
 */
class TorchFilesFuzzTest {
    private static final long SEED = 20240607L;

    @TempDir
    Path tmp;

    @Test
    void damagedCheckpointsFailCleanly() throws IOException {
        byte[] file = Files.readAllBytes(TorchFilesTest.fixture("mlp.pt"));
        byte[] pickle;
        try (ZipFile zip = new ZipFile(TorchFilesTest.fixture("mlp.pt").toFile())) {
            pickle = zip.getInputStream(zip.getEntry("mlp/data.pkl")).readAllBytes();
        }
        Random random = new Random(SEED);
        Path target = tmp.resolve("fuzzed.pt");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 600; i++) {
                int kind = i % 3;
                if (kind == 0) {
                    Files.write(target, flip(file, random));
                } else if (kind == 1) {
                    Files.write(target, Arrays.copyOf(file, random.nextInt(file.length)));
                } else {
                    writeWithPickle(target, file, flip(pickle, random));
                }
                try {
                    TorchFiles.load(target);
                } catch (IllegalArgumentException expected) {
                    // the reader's own refusal
                } catch (Throwable t) {
                    fail("case " + i + " (kind " + kind + ") threw " + t, t);
                }
            }
        });
    }

    private static byte[] flip(byte[] original, Random random) {
        byte[] copy = original.clone();
        for (int n = 1 + random.nextInt(6); n > 0; n--) copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        return copy;
    }

    /** The real checkpoint's entries with data.pkl replaced. */
    private static void writeWithPickle(Path target, byte[] checkpoint, byte[] pickle) throws IOException {
        Path source = Files.createTempFile(target.getParent(), "src", ".pt");
        Files.write(source, checkpoint);
        try (ZipFile zip = new ZipFile(source.toFile()); OutputStream os = Files.newOutputStream(target);
                ZipOutputStream out = new ZipOutputStream(os)) {
            for (ZipEntry e : zip.stream().toList()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().endsWith("data.pkl") ? pickle : zip.getInputStream(e).readAllBytes());
                out.closeEntry();
            }
        }
        Files.delete(source);
    }
}
