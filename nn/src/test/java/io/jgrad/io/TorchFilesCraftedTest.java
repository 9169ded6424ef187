package io.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-written pickles for the refusals no real torch.save produces. */
class TorchFilesCraftedTest {
    @TempDir
    Path tmp;

    /** Pickle opcodes, written out so that nothing here ever runs a pickle. */
    static final class Pkl {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Pkl raw(int... bytes) {
            for (int b : bytes) out.write(b);
            return this;
        }

        Pkl str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            raw('X', b.length, 0, 0, 0);
            out.writeBytes(b);
            return this;
        }

        Pkl global(String module, String name) {
            out.writeBytes(("c" + module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Pkl integer(int v) {
            return raw('J', v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >>> 24);
        }

        /** ('storage', torch.FloatStorage, key, 'cpu', numel) as a persistent id. */
        Pkl storage(String key, int numel) {
            raw('(').str("storage").global("torch", "FloatStorage").str(key).str("cpu").integer(numel);
            return raw('t', 'Q');
        }

        /** _rebuild_tensor_v2(storage '0' of numel floats, offset, (size,), (stride,), False, None). */
        Pkl tensor(int numel, int offset, int size, int stride) {
            global("torch._utils", "_rebuild_tensor_v2").raw('(').storage("0", numel).integer(offset);
            integer(size).raw(0x85).integer(stride).raw(0x85).raw(0x89, 'N', 't', 'R');
            return this;
        }

        byte[] done() {
            raw('.');
            return out.toByteArray();
        }

        static Pkl dict() {
            return new Pkl().raw(0x80, 2, '}');
        }
    }

    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path file = tmp.resolve(name);
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return file;
    }

    private Path checkpoint(byte[] pickle, int storageFloats) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("m/data.pkl", pickle);
        entries.put("m/data/0", new byte[4 * storageFloats]);
        entries.put("m/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        return zip("m.pt", entries);
    }

    private void refused(byte[] pickle, String... parts) throws IOException {
        String m = TorchFilesTest.refused(checkpoint(pickle, 4));
        assertTrue(m.startsWith(tmp.resolve("m.pt") + ": "), m);
        for (String p : parts) assertTrue(m.contains(p), m);
    }

    @Test
    void theHandWrittenCheckpointLoads() throws IOException {
        byte[] ok = Pkl.dict().str("w").tensor(4, 1, 2, 2).raw('s').done();
        assertArrayEquals(new float[] {0, 0}, TorchFiles.load(checkpoint(ok, 4)).get("w").toFloatArray());
    }

    @Test
    void aViewReachingPastItsStorageIsRefused() throws IOException {
        refused(Pkl.dict().str("w").tensor(4, 0, 3, 2).raw('s').done(),
                "a tensor of size [3], stride [2] and offset 0 reads element 4 of storage 0, which holds 4");
        refused(Pkl.dict().str("w").tensor(4, -1, 1, 1).raw('s').done(), "offset -1");
        refused(Pkl.dict().str("w").tensor(4, 0, -2, 1).raw('s').done(), "has size -2");
        refused(Pkl.dict().str("w").tensor(4, 0, 2, -1).raw('s').done(), "stride -1");
        refused(Pkl.dict().str("w").tensor(-4, 0, 0, 1).raw('s').done(), "storage 0 declares -4 elements");
        refused(Pkl.dict().str("w").tensor(Integer.MAX_VALUE, 0, 1, 1).raw('s').done(), "more than a Java array holds");
    }

    @Test
    void storageDeclaringMoreThanTheEntryHoldsIsRefused() throws IOException {
        byte[] pickle = Pkl.dict().str("w").tensor(1000, 0, 1, 1).raw('s').done();
        String m = TorchFilesTest.refused(checkpoint(pickle, 4));
        assertTrue(m.contains("holds 16 bytes, but its header declares 1000 float32 elements (4000 bytes)"), m);
    }

    @Test
    void structuresAStateDictNeverUsesAreRefused() throws IOException {
        refused(new Pkl().raw(0x80, 2, ']').done(), "holds a list, not a state dict");
        refused(Pkl.dict().integer(1).tensor(4, 0, 1, 1).raw('s').done(), "a state dict key is a int, not a str");
        refused(Pkl.dict().str("d").raw('}').raw('s').done(), "the value of 'd' is a dict, not a tensor",
                "save the model's state_dict() on its own");
        refused(Pkl.dict().raw('i').raw("os\nsystem\n".chars().toArray()).done(), "opcode 0x69");
        refused(Pkl.dict().str("x").raw(0x85, 'R').done(), "REDUCE applies a dict to a tuple");
        refused(Pkl.dict().raw(']', ']', 'b').done(), "BUILD sets the state of a list");
        refused(Pkl.dict().str("a").str("b").raw('(').raw(')', 'u').done(), "SETITEMS on a str");
        refused(Pkl.dict().raw('(').str("k").raw('d').done(), "DICT has an odd number");
        refused(Pkl.dict().str("p").raw('Q').done(), "a persistent id is a str");
        refused(Pkl.dict().raw('(').str("storage").str("x").str("0").str("cpu").integer(1).raw('t', 'Q').done(),
                "holds a str and a str where a torch.*Storage class and a key belong");
        refused(Pkl.dict().global("collections", "OrderedDict").integer(1).raw(0x85, 'R').done(),
                "collections.OrderedDict is called with arguments");
        refused(Pkl.dict().global("torch._utils", "_rebuild_parameter").raw(')', 'R').done(),
                "_rebuild_parameter expects (tensor, requires_grad, hooks)");
        refused(Pkl.dict().global("torch._utils", "_rebuild_tensor_v2").raw(')', 'R').done(),
                "_rebuild_tensor_v2 expects (storage, offset, size, stride, ...)");
        refused(Pkl.dict().str("torch").str("os").raw(0x93).done(), "refusing to load torch.os");
        refused(Pkl.dict().integer(1).str("x").raw(0x93).done(), "STACK_GLOBAL needs a module and a name as strings");
        refused(Pkl.dict().raw('X', 0xff, 0xff, 0xff, 0x7f).done(), "declares 2147483647 bytes, more than the file holds");
        refused(Pkl.dict().raw('h', 9).done(), "data.pkl is not a valid state dict pickle");
        byte[] hugeSize = Pkl.dict().str("w").global("torch._utils", "_rebuild_tensor_v2").raw('(').storage("0", 4)
                .integer(0).raw(0x8a, 9, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0x85).integer(1).raw(0x85, 0x89, 'N', 't', 'R', 's')
                .done();
        refused(hugeSize, "a size is out of range");
        refused(Pkl.dict().str("w").global("torch._utils", "_rebuild_tensor_v2").raw('(').storage("0", 4).str("0")
                .integer(1).raw(0x85).integer(1).raw(0x85, 0x89, 'N', 't', 'R', 's').done(), "a storage offset is a str, not an int");
    }

    @Test
    void archiveLevelProblemsAreRefused() throws IOException {
        byte[] ok = Pkl.dict().done();
        Map<String, byte[]> two = new LinkedHashMap<>();
        two.put("a/data.pkl", ok);
        two.put("b/data.pkl", ok);
        String m = TorchFilesTest.refused(zip("two.pt", two));
        assertTrue(m.contains("expected one <archive>/data.pkl entry, found [a/data.pkl, b/data.pkl]"), m);
        Map<String, byte[]> odd = new LinkedHashMap<>();
        odd.put("m/data.pkl", ok);
        odd.put("m/byteorder", "middle".getBytes(StandardCharsets.US_ASCII));
        m = TorchFilesTest.refused(zip("odd.pt", odd));
        assertTrue(m.contains("stored middle-endian"), m);
        Map<String, byte[]> big = new LinkedHashMap<>();
        big.put("m/data.pkl", new byte[(64 << 20) + 1]);
        m = TorchFilesTest.refused(zip("big.pt", big));
        assertTrue(m.contains("data.pkl is over 64 MiB"), m);
        Path cut = tmp.resolve("cut.pt");
        byte[] whole = Files.readAllBytes(TorchFilesTest.fixture("mlp.pt"));
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        m = TorchFilesTest.refused(cut);
        assertTrue(m.contains("corrupt zip archive"), m);
        assertThrows(java.nio.file.NoSuchFileException.class, () -> TorchFiles.load(tmp.resolve("absent.pt")));
    }
}
