package io.jgrad.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** IDX files for the tests of {@link Idx} and of the data sets read through it (shared with other modules' tests). */
public final class IdxFiles {
    private IdxFiles() {}

    /**
     * An unsigned-byte IDX file's bytes: {@code magic} (0x801 for labels, 0x803 for images), the shape, then
     * {@code values} bytes, byte i being 7·i mod {@code range} (256 reaches every byte, 10 gives class labels).
     * Shape and count may disagree, to make damaged files.
     */
    public static byte[] idx(int magic, int[] shape, int values, int range) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int s : shape) out.writeInt(s);
        for (int i = 0; i < values; i++) out.writeByte((int) (7L * i % range));
        return bytes.toByteArray();
    }

    /** Writes {@code data} to {@code file}, gzipped or plain, creating its folder; returns the file. */
    public static Path write(Path file, byte[] data, boolean gzip) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(data);
        }
        return file;
    }

    /** A gzipped IDX file of bytes 0-9 (so labels are classes of a 10-class data set); returns the file. */
    public static Path gzipped(Path file, int magic, int[] shape, int values) throws IOException {
        return write(file, idx(magic, shape, values, 10), true);
    }
}
