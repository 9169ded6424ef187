package io.jgrad.io;

import io.jgrad.core.Tensor;
import io.jgrad.io.TorchUnpickler.StorageRef;
import io.jgrad.io.TorchUnpickler.TensorSpec;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads PyTorch checkpoints written by {@code torch.save(model.state_dict(), "model.pt")} (PyTorch ≥ 1.6's
 * zip format), without Python. Load one into a model with the same parameter names:
 *
 * <pre>{@code
 * model.loadStateDict(TorchFiles.load(Path.of("model.pt")), true);
 * }</pre>
 *
 * <p>Only a state dict is read: a dict of names to tensors. The pickle inside the file may reference
 * nothing but the classes a state dict needs, so a file that would run code when Python loads it is
 * refused rather than interpreted. Tensors come back contiguous and detached (views such as a
 * transpose are copied in their logical order; two tensors on one storage become two arrays), in the
 * file's order. float32, float64, int64 and bool load as themselves; float16 and bfloat16 widen to
 * float32, and int32, int16, int8 and uint8 to int64, all exactly.
 */
public final class TorchFiles {
    /** A state dict's pickle holds only names and tensor headers (about 100 bytes a tensor). */
    private static final int MAX_PICKLE_BYTES = 64 << 20;
    /** How {@code torch.save} before 1.6 started a file: a pickled magic number. */
    private static final byte[] LEGACY_MAGIC = {(byte) 0x80, 0x02, (byte) 0x8a, 0x0a, 0x6c, (byte) 0xfc, (byte) 0x9c, 0x46,
            (byte) 0xf9, 0x20, 0x6a, (byte) 0xa8, 0x50, 0x19};

    private TorchFiles() {}

    /**
     * The state dict in {@code file}, by name in the file's order.
     *
     * @throws IllegalArgumentException if the file is not a PyTorch ≥ 1.6 state dict this reader supports
     *     (the message names the file and the problem)
     * @throws IOException if the file cannot be read
     */
    public static Map<String, Tensor> load(Path file) throws IOException {
        String name = file.toString();
        checkSignature(file, name);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return read(zip, name);
        } catch (ZipException | EOFException e) {
            throw new IllegalArgumentException(name + ": corrupt zip archive (" + e.getMessage() + ")", e);
        }
    }

    private static void checkSignature(Path file, String name) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(LEGACY_MAGIC.length);
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) return;
        if (Arrays.equals(head, LEGACY_MAGIC)) {
            throw new IllegalArgumentException(name + ": this file uses PyTorch's legacy format; re-save it with "
                    + "torch.save in PyTorch ≥ 1.6");
        }
        throw new IllegalArgumentException(name + ": not a PyTorch checkpoint (torch.save writes a zip archive, and "
                + "this file does not start with one)");
    }

    private static Map<String, Tensor> read(ZipFile zip, String name) throws IOException {
        String prefix = archivePrefix(zip, name);
        ZipEntry byteorder = zip.getEntry(prefix + "byteorder");
        if (byteorder != null) {
            String order = new String(readAtMost(zip, byteorder, 16), StandardCharsets.US_ASCII).trim();
            if (!order.equals("little")) {
                throw new IllegalArgumentException(name + ": the tensors are stored " + order + "-endian; jgrad reads "
                        + "little-endian checkpoints only (save it on a little-endian machine)");
            }
        }
        ZipEntry pklEntry = zip.getEntry(prefix + "data.pkl");
        byte[] pkl = readAtMost(zip, pklEntry, MAX_PICKLE_BYTES + 1);
        if (pkl.length > MAX_PICKLE_BYTES) {
            throw new IllegalArgumentException(name + ": data.pkl is over " + (MAX_PICKLE_BYTES >> 20) + " MiB, far more "
                    + "than a state dict's names and tensor headers take");
        }
        Object root = TorchUnpickler.load(pkl, name);
        if (!(root instanceof Map<?, ?> dict)) {
            throw new IllegalArgumentException(name + ": holds a " + TorchUnpickler.typeName(root) + ", not a state dict "
                    + "(a dict of names to tensors, as torch.save(model.state_dict(), path) writes)");
        }
        Map<String, byte[]> storages = new HashMap<>();
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException(name + ": a state dict key is a "
                        + TorchUnpickler.typeName(e.getKey()) + ", not a str");
            }
            if (!(e.getValue() instanceof TensorSpec spec)) {
                String type = TorchUnpickler.typeName(e.getValue());
                throw new IllegalArgumentException(name + ": the value of '" + key + "' is a " + type + ", not a tensor; "
                        + "jgrad reads state dicts only" + (type.equals("dict")
                        ? " (for a training checkpoint, torch.save the model's state_dict() on its own)" : ""));
            }
            byte[] bytes = storages.get(spec.storage().key());
            // Tensors sharing a storage normally agree on its numel; one that claims more rereads it to check.
            if (bytes == null || bytes.length < spec.storage().numel() * spec.storage().type().itemSize) {
                bytes = readStorage(zip, prefix, spec.storage(), key, name);
                storages.put(spec.storage().key(), bytes);
            }
            out.put(key, toTensor(spec, bytes));
        }
        return Collections.unmodifiableMap(out);
    }

    /** torch.save names the top folder after the file; it is whatever folder holds data.pkl. */
    private static String archivePrefix(ZipFile zip, String name) {
        List<String> pickles = zip.stream().map(ZipEntry::getName)
                .filter(n -> n.endsWith("/data.pkl") && n.indexOf('/') == n.length() - "/data.pkl".length())
                .toList();
        if (pickles.size() != 1) {
            throw new IllegalArgumentException(name + ": a zip archive, but not a PyTorch checkpoint: expected one "
                    + "<archive>/data.pkl entry, found " + (pickles.isEmpty() ? "none" : pickles));
        }
        return pickles.get(0).substring(0, pickles.get(0).length() - "data.pkl".length());
    }

    private static byte[] readStorage(ZipFile zip, String prefix, StorageRef ref, String tensor, String name)
            throws IOException {
        String entryName = prefix + "data/" + ref.key();
        ZipEntry entry = zip.getEntry(entryName);
        if (entry == null) {
            throw new IllegalArgumentException(name + ": tensor '" + tensor + "' is stored in " + entryName
                    + ", which the archive does not have");
        }
        long needed = ref.numel() * ref.type().itemSize;
        if (ref.numel() > (Integer.MAX_VALUE - 8) / ref.type().itemSize) {
            throw new IllegalArgumentException(name + ": storage " + entryName + " declares " + ref.numel() + " "
                    + ref.type().dtype + " elements, more than a Java array holds");
        }
        byte[] bytes = readAtMost(zip, entry, (int) needed);
        if (bytes.length < needed) {
            throw new IllegalArgumentException(name + ": storage " + entryName + " holds " + bytes.length + " bytes, but "
                    + "its header declares " + ref.numel() + " " + ref.type().dtype + " elements (" + needed
                    + " bytes); the file is truncated or corrupt");
        }
        return bytes;
    }

    /** Never more than {@code limit} bytes, whatever size the entry claims. */
    private static byte[] readAtMost(ZipFile zip, ZipEntry entry, int limit) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readNBytes(limit);
        }
    }

    /** Copies the (possibly strided) view into a contiguous array, walking it in row-major order. */
    private static Tensor toTensor(TensorSpec spec, byte[] bytes) {
        TorchStorage type = spec.storage().type();
        int[] size = spec.size();
        long[] stride = spec.stride();
        int n = 1;
        for (int s : size) n *= s;
        Object data = type.alloc(n);
        ByteBuffer buf = TorchStorage.littleEndian(bytes);
        int[] index = new int[size.length];
        long pos = spec.offset();
        for (int i = 0; i < n; i++) {
            type.copy(buf, pos, data, i);
            for (int d = size.length - 1; d >= 0; d--) {
                if (++index[d] < size[d]) {
                    pos += stride[d];
                    break;
                }
                pos -= (size[d] - 1) * stride[d];
                index[d] = 0;
            }
        }
        return Tensor.fromArray(data, size);
    }
}
