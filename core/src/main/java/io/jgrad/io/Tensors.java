package io.jgrad.io;

import io.jgrad.core.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Saves and loads named tensors as safetensors, the format of Hugging Face and PyTorch's
 * {@code safetensors.torch.save_file}/{@code load_file}: float32, float64, int64 and bool, plus string
 * metadata.
 *
 * <p>Writes are atomic: the file holds either its old content or the complete new one. Loads check
 * the whole header before allocating any tensor. A file whose content is wrong (truncated, not JSON,
 * an unknown dtype, overlapping or missing data...) raises {@link IllegalArgumentException}; a file
 * that cannot be read or written at all (missing, a directory, no permission) raises
 * {@link UncheckedIOException}. Both messages name the file.
 */
public final class Tensors {
    private Tensors() {}

    /** Writes {@code tensors} in map order. */
    public static void save(Map<String, Tensor> tensors, Path file) {
        save(tensors, Map.of(), file);
    }

    /** Writes {@code tensors} in map order with {@code metadata} as the header's {@code __metadata__}. */
    public static void save(Map<String, Tensor> tensors, Map<String, String> metadata, Path file) {
        try {
            SafeTensors.write(tensors, metadata, file);
        } catch (IOException e) {
            throw failed("cannot write", file, e);
        }
    }

    /** The tensors in the header's order, each a new leaf that does not require grad. */
    public static Map<String, Tensor> load(Path file) {
        try {
            return SafeTensors.read(file);
        } catch (IOException e) {
            throw failed("cannot read", file, e);
        }
    }

    /** The header's {@code __metadata__}, empty when there is none; the data is not read. */
    public static Map<String, String> metadata(Path file) {
        try {
            return SafeTensors.readMetadata(file);
        } catch (IOException e) {
            throw failed("cannot read", file, e);
        }
    }

    private static UncheckedIOException failed(String what, Path file, IOException e) {
        return new UncheckedIOException(what + " safetensors file " + file + ": " + e.getMessage(), e);
    }
}
