package io.jgrad.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

/**
 * Reads a checkpoint's {@code data.pkl} with razorvine's unpickler, restricted to what a state dict
 * needs. A pickle names functions that Python calls while loading, so an unrestricted reader of an
 * untrusted file runs its code; here every global outside a short allow-list ({@code os.system},
 * {@code builtins.eval}, ...) is refused when it is named, before anything is called. razorvine would
 * otherwise turn an unknown global into a placeholder object, and keeps its constructors in one static
 * map shared by the whole JVM, so resolution happens in {@link #dispatch} instead of through it.
 *
 * <p>Tensors come out as {@link TensorSpec}s, headers without data: the storages live in other zip
 * entries, which {@link TorchFiles} reads.
 */
final class TorchUnpickler extends Unpickler {
    /** A persistent id {@code ('storage', torch.FloatStorage, key, location, numel)}. */
    record StorageRef(TorchStorage type, String key, long numel) {}

    /** {@code _rebuild_tensor_v2}'s arguments, validated against the storage's declared length. */
    record TensorSpec(StorageRef storage, long offset, int[] size, long[] stride) {}

    /** A global this reader allows a pickle to call. */
    private interface Callable {
        Object call(Object[] args);
    }

    private static final Set<Short> PLAIN_OPCODES = Set.of(Opcodes.MARK, Opcodes.STOP, Opcodes.POP, Opcodes.POP_MARK,
            Opcodes.DUP, Opcodes.FLOAT, Opcodes.INT, Opcodes.BININT, Opcodes.BININT1, Opcodes.LONG, Opcodes.BININT2,
            Opcodes.NONE, Opcodes.BINPERSID, Opcodes.SHORT_BINSTRING, Opcodes.UNICODE, Opcodes.APPEND, Opcodes.APPENDS,
            Opcodes.GET, Opcodes.BINGET, Opcodes.LONG_BINGET, Opcodes.LIST, Opcodes.EMPTY_LIST, Opcodes.PUT,
            Opcodes.BINPUT, Opcodes.LONG_BINPUT, Opcodes.SETITEM, Opcodes.TUPLE, Opcodes.EMPTY_TUPLE,
            Opcodes.BINFLOAT, Opcodes.PROTO, Opcodes.TUPLE1, Opcodes.TUPLE2, Opcodes.TUPLE3, Opcodes.NEWTRUE,
            Opcodes.NEWFALSE, Opcodes.LONG1, Opcodes.SHORT_BINBYTES, Opcodes.SHORT_BINUNICODE, Opcodes.MEMOIZE,
            Opcodes.FRAME);

    private final String source;

    private TorchUnpickler(String source) {
        this.source = source;
    }

    /** The unpickled top-level object; every problem is an IllegalArgumentException naming {@code source}. */
    static Object load(byte[] pickle, String source) {
        try {
            return new TorchUnpickler(source).load(new ByteArrayInputStream(pickle));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // A corrupt stream surfaces as whatever razorvine hits first (an empty stack, a missing memo
            // entry, a list where a dict belongs); none of it means more than "not a valid pickle".
            throw new IllegalArgumentException(source + ": data.pkl is not a valid state dict pickle ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    @Override
    protected Object dispatch(short key) throws PickleException, IOException {
        switch (key) {
            case Opcodes.GLOBAL -> stack.add(resolve(PickleUtils.readline(input), PickleUtils.readline(input)));
            case Opcodes.STACK_GLOBAL -> {
                Object name = stack.pop();
                Object module = stack.pop();
                if (!(module instanceof String m) || !(name instanceof String n)) {
                    throw fail("STACK_GLOBAL needs a module and a name as strings");
                }
                stack.add(resolve(m, n));
            }
            case Opcodes.REDUCE -> {
                Object args = stack.pop();
                Object callable = stack.pop();
                if (!(callable instanceof Callable c) || !(args instanceof Object[] a)) {
                    throw fail("REDUCE applies a " + typeName(callable) + " to a " + typeName(args)
                            + "; a state dict only calls its allowed globals with a tuple");
                }
                stack.add(c.call(a));
            }
            case Opcodes.BUILD -> {
                stack.pop();
                // state_dict() attaches _metadata (per-module versions) to its OrderedDict; jgrad has no use for it.
                if (!(stack.peek() instanceof Map)) {
                    throw fail("BUILD sets the state of a " + typeName(stack.peek()) + "; a state dict only sets it on "
                            + "its OrderedDict");
                }
            }
            // razorvine gathers dict items in HashMaps; a state dict's order is the model's parameter order.
            case Opcodes.EMPTY_DICT -> stack.add(new LinkedHashMap<>());
            case Opcodes.DICT -> {
                Map<Object, Object> map = new LinkedHashMap<>();
                putAll(map, stack.pop_all_since_marker(), "DICT");
                stack.add(map);
            }
            case Opcodes.SETITEMS -> {
                List<Object> items = stack.pop_all_since_marker();
                if (!(stack.peek() instanceof Map<?, ?> map)) throw fail("SETITEMS on a " + typeName(stack.peek()));
                @SuppressWarnings("unchecked")
                Map<Object, Object> target = (Map<Object, Object>) map;
                putAll(target, items, "SETITEMS");
            }
            case Opcodes.BINSTRING, Opcodes.BINUNICODE, Opcodes.BINBYTES, Opcodes.LONG4 -> {
                checkLength(4);
                return super.dispatch(key);
            }
            case Opcodes.BINUNICODE8, Opcodes.BINBYTES8 -> {
                checkLength(8);
                return super.dispatch(key);
            }
            default -> {
                if (!PLAIN_OPCODES.contains(key)) {
                    throw fail(String.format("pickle opcode 0x%02x is not used by PyTorch state dicts", key));
                }
                return super.dispatch(key);
            }
        }
        return NO_RETURN_VALUE;
    }

    private void putAll(Map<Object, Object> map, List<Object> items, String opcode) {
        if (items.size() % 2 != 0) throw fail(opcode + " has an odd number of keys and values");
        for (int i = 0; i < items.size(); i += 2) map.put(items.get(i), items.get(i + 1));
    }

    /**
     * razorvine allocates a length-prefixed string's bytes before reading them; a corrupt prefix must not
     * ask for gigabytes the stream does not hold.
     */
    private void checkLength(int width) throws IOException {
        input.mark(width);
        byte[] prefix = input.readNBytes(width);
        input.reset();
        long length = 0;
        for (int i = prefix.length - 1; i >= 0; i--) length = (length << 8) | (prefix[i] & 0xff);
        if (prefix.length < width || length < 0 || length > input.available() - width) {
            throw fail("a string or integer in data.pkl declares " + Long.toUnsignedString(length)
                    + " bytes, more than the file holds (truncated or corrupt)");
        }
    }

    @Override
    protected Object persistentLoad(Object pid) {
        if (!(pid instanceof Object[] t) || t.length != 5 || !"storage".equals(t[0])) {
            throw fail("a persistent id is a " + typeName(pid) + "; PyTorch writes ('storage', type, key, location, numel)");
        }
        if (!(t[1] instanceof TorchStorage type) || !(t[2] instanceof String key)) {
            throw fail("a storage persistent id holds a " + typeName(t[1]) + " and a " + typeName(t[2])
                    + " where a torch.*Storage class and a key belong");
        }
        long numel = toLong(t[4], "the numel of storage " + key);
        if (numel < 0) throw fail("storage " + key + " declares " + numel + " elements");
        return new StorageRef(type, key, numel);
    }

    private Object resolve(String module, String name) {
        String global = module + "." + name;
        switch (global) {
            case "collections.OrderedDict" -> {
                return (Callable) args -> {
                    if (args.length != 0) throw fail("collections.OrderedDict is called with arguments");
                    return new LinkedHashMap<>();
                };
            }
            case "torch._utils._rebuild_tensor_v2" -> {
                return (Callable) this::rebuildTensor;
            }
            case "torch._utils._rebuild_parameter" -> {
                return (Callable) args -> {
                    // A Parameter's data: a state dict's values are plain tensors, so requires_grad is dropped.
                    if (args.length != 3 || !(args[0] instanceof TensorSpec data)) {
                        throw fail("torch._utils._rebuild_parameter expects (tensor, requires_grad, hooks)");
                    }
                    return data;
                };
            }
            default -> {
                if (module.equals("torch") && name.endsWith("Storage")) {
                    TorchStorage type = TorchStorage.byClassName(name);
                    if (type == null) {
                        throw fail("tensors stored as " + global + " are not supported; jgrad reads float32, float64, "
                                + "int64 and bool (and float16, bfloat16, int32, int16, int8, uint8, widened to float32 "
                                + "or int64)");
                    }
                    return type;
                }
                throw fail("refusing to load " + global + ": this is not a state dict. A PyTorch state dict only "
                        + "references collections.OrderedDict, torch._utils._rebuild_tensor_v2, "
                        + "torch._utils._rebuild_parameter and torch.*Storage; unpickling anything else can run code");
            }
        }
    }

    /** {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])}. */
    private TensorSpec rebuildTensor(Object[] args) {
        if (args.length < 4 || !(args[0] instanceof StorageRef storage) || !(args[2] instanceof Object[] size)
                || !(args[3] instanceof Object[] stride) || size.length != stride.length) {
            throw fail("torch._utils._rebuild_tensor_v2 expects (storage, offset, size, stride, ...) with as many "
                    + "strides as sizes");
        }
        long offset = toLong(args[1], "a storage offset");
        int[] shape = new int[size.length];
        long[] strides = new long[size.length];
        long numel = 1;
        long last = offset;
        for (int d = 0; d < size.length; d++) {
            long s = toLong(size[d], "a size");
            strides[d] = toLong(stride[d], "a stride");
            if (s < 0 || s > Integer.MAX_VALUE || strides[d] < 0) {
                throw fail("a tensor on storage " + storage.key() + " has size " + s + " and stride " + strides[d]
                        + " in dimension " + d);
            }
            shape[d] = (int) s;
            numel = Math.min(numel * s, Integer.MAX_VALUE + 1L);
            if (s > 0) last = saturatingAdd(last, saturatingMultiply(s - 1, strides[d]));
        }
        if (numel > Integer.MAX_VALUE) {
            throw fail("a tensor on storage " + storage.key() + " has more elements than a Java array holds");
        }
        if (numel > 0 && (offset < 0 || last >= storage.numel())) {
            throw fail(String.format("a tensor of size %s, stride %s and offset %d reads element %d of storage %s, "
                    + "which holds %d", Arrays.toString(shape), Arrays.toString(strides), offset,
                    last, storage.key(), storage.numel()));
        }
        return new TensorSpec(storage, offset, shape, strides);
    }

    private static long saturatingMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    private long toLong(Object value, String what) {
        if (value instanceof Integer || value instanceof Long) return ((Number) value).longValue();
        if (value instanceof BigInteger) throw fail(what + " is out of range: " + value);
        throw fail(what + " is a " + typeName(value) + ", not an int");
    }

    private IllegalArgumentException fail(String problem) {
        return new IllegalArgumentException(source + ": " + problem);
    }

    /** Python's name for what razorvine produced, so messages speak the language of the file's author. */
    static String typeName(Object value) {
        if (value == null) return "None";
        if (value instanceof Boolean) return "bool";
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) return "int";
        if (value instanceof Double) return "float";
        if (value instanceof String) return "str";
        if (value instanceof byte[]) return "bytes";
        if (value instanceof Object[]) return "tuple";
        if (value instanceof List) return "list";
        if (value instanceof Map) return "dict";
        if (value instanceof TorchStorage s) return "torch." + s.className;
        if (value instanceof TensorSpec) return "Tensor";
        return value.getClass().getSimpleName();
    }
}
