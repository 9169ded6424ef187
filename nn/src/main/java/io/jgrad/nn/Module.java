package io.jgrad.nn;

import io.jgrad.core.DType;
import io.jgrad.core.Device;
import io.jgrad.core.Tensor;
import io.jgrad.io.Tensors;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layer or model: PyTorch's {@code nn.Module}. Subclasses register parameters and submodules in
 * order with {@link #param} and {@link #module}, state that is saved but not trained (running
 * statistics) with {@link #buffer}, and implement {@link #forward}; callers use {@link #apply}
 * (PyTorch's {@code model(x)}).
 *
 * <pre>
 * jshell> var model = new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 3));
 * jshell> model.namedParameters().keySet()
 * $2 ==> [0.weight, 0.bias, 2.weight, 2.bias]
 * </pre>
 */
public abstract class Module {
    private final Map<String, Tensor> params = new LinkedHashMap<>();
    private final Map<String, Module> modules = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private boolean training = true;

    /** Runs the module on {@code input}. */
    public Tensor apply(Tensor input) {
        return forward(input);
    }

    protected abstract Tensor forward(Tensor input);

    /** Registers a parameter (made a leaf that requires grad) under {@code name}; returns it. */
    protected final Tensor param(String name, Tensor value) {
        checkName(name);
        Tensor p = value.isLeaf() ? value : value.detach();
        if (!p.requiresGrad()) p.requiresGrad(true);
        params.put(name, p);
        return p;
    }

    /**
     * Registers a buffer, PyTorch's {@code register_buffer}: state the module updates itself (e.g.
     * running statistics) that {@link #stateDict()}, {@link #save} and {@link #load} carry and
     * {@link #to} moves, but {@link #parameters()} leaves out, so no optimizer touches it. Returns
     * the buffer, detached; update it in place (its object stays the one registered).
     */
    protected final Tensor buffer(String name, Tensor value) {
        checkName(name);
        if (value == null) {
            throw new IllegalArgumentException("buffer '" + name + "' of " + getClass().getSimpleName() + " is null; "
                    + "register a tensor, or nothing when the module has no such state");
        }
        Tensor b = value.detach();
        buffers.put(name, b);
        return b;
    }

    /** Registers a submodule under {@code name}; returns it. */
    protected final <M extends Module> M module(String name, M child) {
        checkName(name);
        modules.put(name, child);
        return child;
    }

    private void checkName(String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException("module names must be non-empty and contain no '.'; got '" + name + "'");
        }
        if (params.containsKey(name) || modules.containsKey(name) || buffers.containsKey(name)) {
            throw new IllegalArgumentException("'" + name + "' is already registered in " + getClass().getSimpleName());
        }
    }

    /** All parameters, this module's first, then each submodule's in registration order. */
    public List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Parameters by dotted path, e.g. {@code 0.weight}. */
    public Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>(params);
        modules.forEach((name, m) -> m.namedParameters().forEach((k, v) -> out.put(name + "." + k, v)));
        return out;
    }

    /** Buffers by dotted path, e.g. {@code 1.running_mean}: this module's first, then each submodule's. */
    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>(buffers);
        modules.forEach((name, m) -> m.namedBuffers().forEach((k, v) -> out.put(name + "." + k, v)));
        return out;
    }

    /** Every parameter and buffer by dotted path in PyTorch's state_dict order: a module's own, then each child's. */
    private Map<String, Tensor> namedState() {
        Map<String, Tensor> out = new LinkedHashMap<>(params);
        out.putAll(buffers);
        modules.forEach((name, m) -> m.namedState().forEach((k, v) -> out.put(name + "." + k, v)));
        return out;
    }

    /** Direct submodules by name. */
    public Map<String, Module> children() {
        return new LinkedHashMap<>(modules);
    }

    /** Clears every parameter's gradient (PyTorch 2's default, set_to_none=True). */
    public void zeroGrad() {
        for (Tensor p : parameters()) p.zeroGrad();
    }

    /** Training mode (Dropout active); returns this. */
    public Module train() {
        return train(true);
    }

    public Module train(boolean mode) {
        training = mode;
        modules.values().forEach(m -> m.train(mode));
        return this;
    }

    /** Evaluation mode (Dropout off); returns this. */
    public Module eval() {
        return train(false);
    }

    public boolean isTraining() {
        return training;
    }

    /** Detached copies of every parameter and buffer by dotted name, in PyTorch's order. */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        namedState().forEach((k, v) -> out.put(k, v.detach().clone()));
        return out;
    }

    /**
     * Copies values into the parameters and buffers. With {@code strict}, missing and unexpected keys
     * are errors; a shape mismatch always is, and so is a value whose kind (floating point or not)
     * differs from the entry's, such as a float for the int64 {@code num_batches_tracked}.
     */
    public void loadStateDict(Map<String, Tensor> state, boolean strict) {
        String name = getClass().getSimpleName();
        if (state == null) {
            throw new IllegalArgumentException("Error(s) in loading state_dict for " + name + ": expected state_dict to be "
                    + "a Map of parameter names to tensors, got null");
        }
        // Checked as Objects: a map built from raw or deserialised data may hold anything despite its declared type.
        for (Map.Entry<String, ?> e : state.entrySet()) {
            Object v = e.getValue();
            if (!(v instanceof Tensor)) {
                throw new IllegalArgumentException("Error(s) in loading state_dict for " + name + ": while copying the "
                        + "parameter named \"" + e.getKey() + "\", expected a Tensor from the checkpoint but received "
                        + (v == null ? "null" : v.getClass().getSimpleName() + " " + v));
            }
        }
        Map<String, Tensor> own = namedState();
        if (strict) {
            List<String> missing = own.keySet().stream().filter(k -> !state.containsKey(k)).toList();
            List<String> unexpected = state.keySet().stream().filter(k -> !own.containsKey(k)).toList();
            if (!missing.isEmpty() || !unexpected.isEmpty()) {
                throw new IllegalArgumentException("Error(s) in loading state_dict for " + getClass().getSimpleName()
                        + ": missing keys " + missing + ", unexpected keys " + unexpected
                        + "; pass strict=false to load the keys that match");
            }
        }
        for (Map.Entry<String, Tensor> e : state.entrySet()) {
            Tensor p = own.get(e.getKey());
            if (p == null) continue;
            if (!Arrays.equals(p.shape(), e.getValue().shape())) {
                throw new IllegalArgumentException("loadStateDict: size mismatch for " + e.getKey() + ": copying a param "
                        + "with shape " + Arrays.toString(e.getValue().shape()) + ", the shape in current model is "
                        + Arrays.toString(p.shape()));
            }
            if (p.dtype().isFloatingPoint() != e.getValue().dtype().isFloatingPoint()) {
                throw new IllegalArgumentException("loadStateDict: dtype mismatch for " + e.getKey() + ": copying a "
                        + e.getValue().dtype() + " tensor into the model's " + p.dtype() + " entry; the checkpoint "
                        + "was likely saved from a different model");
            }
        }
        try (var g = Tensor.noGrad()) {
            state.forEach((k, v) -> {
                if (own.containsKey(k)) own.get(k).copyFrom(v);
            });
        }
    }

    /**
     * Writes {@link #stateDict()} as safetensors, atomically, with metadata {@code format=pt} (as
     * PyTorch's {@code save_file} examples) and {@code jgrad.module} (this class's name); returns this.
     */
    public Module save(Path file) {
        // Ordered, so that the same model always gives the same bytes.
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "pt");
        metadata.put("jgrad.module", getClass().getName());
        Tensors.save(stateDict(), metadata, file);
        return this;
    }

    /**
     * Strictly loads a safetensors state dict written by {@link #save} or by PyTorch's
     * {@code save_file(model.state_dict(), file)}; values are copied into the existing parameters, which
     * keep their dtype. Returns this.
     */
    public Module load(Path file) {
        Map<String, Tensor> state = Tensors.load(file);
        try {
            loadStateDict(state, true);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (loading " + file + ")", e);
        }
        return this;
    }

    /**
     * Converts every parameter and floating point buffer (integer ones, such as
     * {@code num_batches_tracked}, keep their dtype) to a floating point {@code dtype} in place, as PyTorch's
     * {@code module.to(dtype)}: the parameter objects stay the same, so an optimizer built before still
     * updates them (though state it already holds, e.g. Adam's moments, keeps the old dtype; PyTorch
     * too recommends building optimizers after moving the model). Returns this.
     */
    public Module to(DType dtype) {
        if (dtype == null || !dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("Module.to: only floating point dtypes are accepted; got " + dtype);
        }
        try (var g = Tensor.noGrad()) {
            for (Tensor p : parameters()) p.setData(p.to(dtype));
            for (Tensor b : namedBuffers().values()) if (b.dtype().isFloatingPoint()) b.setData(b.to(dtype));
        }
        return this;
    }

    /**
     * Moves every parameter (and its gradient) and buffer to {@code device}, keeping each the same
     * object, as PyTorch's {@code module.to(device)}: layer fields and optimizers see the move. Create
     * the optimizer after moving, or move before its first step, so its state is made on the device.
     * <pre>
     * jshell> var layer = new Linear(2, 1); layer.to(Device.ND4J);
     * jshell> layer.weight.device()
     * $3 ==> nd4j
     * </pre>
     */
    public Module to(Device device) {
        if (device == null) throw new NullPointerException("Module.to: device is null; pass Device.CPU or Device.ND4J");
        try (var g = Tensor.noGrad()) {
            for (Tensor p : parameters()) p.setData(p.to(device));
            for (Tensor b : namedBuffers().values()) b.setData(b.to(device));
        }
        return this;
    }

    /** Every parameter to float64; returns this. */
    public Module toDouble() {
        return to(DType.FLOAT64);
    }

    /** Every parameter to float32; returns this. */
    public Module toFloat() {
        return to(DType.FLOAT32);
    }

    /** Sets requires_grad on every parameter, PyTorch's {@code requires_grad_}: false freezes the module. */
    public Module requiresGrad(boolean requiresGrad) {
        for (Tensor p : parameters()) p.requiresGrad(requiresGrad);
        return this;
    }

    /** The one-line description inside the parentheses, e.g. {@code in_features=4, out_features=2, bias=true}. */
    protected String extraRepr() {
        return "";
    }

    /**
     * Python's repr of a float (shortest digits, positional for exponents -4 to 15, else like 1e-05),
     * for reprs that print options as PyTorch does.
     */
    public static String pyFloat(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return 1 / v < 0 ? "-0.0" : "0.0";
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        int exp = d.precision() - d.scale() - 1;
        if (exp < -4 || exp >= 16) {
            String digits = d.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (v < 0 ? "-" : "") + mantissa + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
        }
        String s = d.toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    /** PyTorch's tree: {@code Sequential(\n  (0): Linear(in_features=784, ...)\n)}. */
    @Override
    public String toString() {
        String name = getClass().getSimpleName();
        if (modules.isEmpty()) return name + "(" + extraRepr() + ")";
        StringBuilder sb = new StringBuilder(name).append("(");
        if (!extraRepr().isEmpty()) sb.append("\n  ").append(extraRepr());
        modules.forEach((k, m) -> sb.append("\n  (").append(k).append("): ")
                .append(m.toString().replace("\n", "\n  ")));
        return sb.append("\n)").toString();
    }
}
