package io.jgrad.core;

/**
 * A differentiable operation and, once applied, its node in the autograd graph: PyTorch's
 * {@code autograd.Function}. Subclass it for a custom op: {@link #forward} computes the result and
 * {@link #backward} maps the output's gradient to one gradient per input. Both run with recording
 * off, so they may use any {@link Tensor} method.
 *
 * <pre>
 * jshell> class Cube extends Op {
 *    ...>     protected Tensor forward(Tensor... x) { save(x[0]); return x[0].pow(3); }
 *    ...>     protected Tensor[] backward(Tensor g) { return new Tensor[] { g.mul(saved(0).pow(2)).mul(3) }; }
 *    ...> }
 * jshell> var x = Tensor.of(2.0).requiresGrad(true); new Cube().apply(x).backward(); x.grad()
 * $3 ==> tensor(12.)
 * </pre>
 *
 * An instance is applied once; create a new one per call.
 */
public abstract class Op {
    Tensor[] inputs;
    boolean[] needsGrad;
    private boolean applied, recording;
    private Tensor[] saved;
    private int[] savedVersions;
    private boolean released;

    /** Where user code created this op, recorded only under {@link AnomalyMode}. */
    String creationSite;

    // Engine state for the backward pass in progress.
    Tensor pendingGrad;
    long visitMark;
    Tensor retainedOutput;

    /** The result of this op; records it in the graph when grad mode is on and an input requires grad. */
    public final Tensor apply(Tensor... in) {
        if (applied) {
            throw new IllegalStateException(name() + ": an Op instance is applied once; create a new one per call");
        }
        if (in == null) throw new NullPointerException(opName() + ": inputs is null");
        for (int i = 0; i < in.length; i++) {
            if (in[i] == null) throw new NullPointerException(opName() + ": input " + i + " is null");
        }
        applied = true;
        boolean[] mode = GradMode.state();
        boolean enabled = mode[0];
        recording = enabled && anyRequiresGrad(in);
        if (recording) {
            inputs = in.clone();
            needsGrad = new boolean[in.length];
            for (int i = 0; i < in.length; i++) needsGrad[i] = in[i].requiresGrad();
            if (mode[GradMode.ANOMALY]) creationSite = AnomalyMode.callSite();
        }
        Tensor out;
        mode[0] = false;  // forward never records, so it may use any Tensor method
        try {
            out = forward(Ops.oneDevice(in) ? in : Ops.onOneDevice(this::opName, in));  // the name costs a regex
        } finally {
            mode[0] = enabled;
        }
        if (out == null) throw new IllegalStateException(name() + ": forward returned null; it must return the result tensor");
        for (Tensor t : in) {
            if (out == t) out = out.alias();  // never let the graph node overwrite an input's gradFn
        }
        if (recording && out.dtype().isFloatingPoint()) out.setGradFn(this);  // integers have no gradient, as in PyTorch
        return out;
    }

    /** Computes the result from the inputs. Must return a new Tensor (it may share an input's storage). */
    protected abstract Tensor forward(Tensor... inputs);

    /**
     * Gradients of the loss with respect to each input, given the gradient of the output. Entries for
     * inputs that need no gradient may be null. A gradient may have the broadcast shape or a promoted
     * dtype; the engine sums and casts it back to the input's.
     */
    protected abstract Tensor[] backward(Tensor grad);

    /** Keeps tensors for backward, noting their versions so a later in-place change is caught. */
    protected final void save(Tensor... tensors) {
        if (!recording) return;
        saved = tensors.clone();
        savedVersions = new int[tensors.length];
        for (int i = 0; i < tensors.length; i++) savedVersions[i] = tensors[i].version();
    }

    protected final Tensor saved(int i) {
        if (saved == null || i < 0 || i >= saved.length) {
            throw new IllegalStateException(String.format("%s: saved(%d) but forward saved %d tensors; call save(...) in "
                    + "forward with every tensor backward needs", name(), i, saved == null ? 0 : saved.length));
        }
        return saved[i];
    }

    /** Whether input {@code i} needs a gradient; backward may skip the others. */
    protected final boolean needsInputGrad(int i) {
        return needsGrad != null && needsGrad[i];
    }

    /**
     * The grad_fn name PyTorch would print: {@code MulBackward0} for jgrad's own ops (PyTorch numbers
     * each overload of its built-in functions), {@code CubeBackward} for a custom op, as for a custom
     * {@code autograd.Function}.
     */
    public String name() {
        return getClass().getSimpleName() + (isBuiltIn() ? "Backward0" : "Backward");
    }

    /** Whether this op ships with jgrad's core, not written by a user (who may share its package name). */
    private boolean isBuiltIn() {
        return codeSource(getClass()).equals(codeSource(Op.class));
    }

    private static String codeSource(Class<?> c) {
        var source = c.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "" : source.getLocation().toString();
    }

    /** The user-facing op name for messages: AddBackward0 becomes "add". */
    private String opName() {
        String op = name().replaceFirst("Backward\\d*$", "");
        return Character.toLowerCase(op.charAt(0)) + op.substring(1);
    }

    @Override
    public String toString() {
        return "<" + name() + ">";
    }

    private static boolean anyRequiresGrad(Tensor[] in) {
        for (Tensor t : in) if (t != null && t.requiresGrad()) return true;
        return false;
    }

    /** Called by the engine before {@link #backward}: saved tensors must still exist and be unmodified. */
    final void checkSaved() {
        if (released) {
            throw new IllegalStateException("Trying to backward through the graph a second time (or directly access "
                    + "saved tensors after they have already been freed). Saved intermediate values of the graph are "
                    + "freed when you call backward(). Call backward(gradient, true) (retainGraph) if you need to "
                    + "backward through the graph a second time. (" + name() + ")");
        }
        if (saved == null) return;
        for (int i = 0; i < saved.length; i++) {
            Tensor t = saved[i];
            if (t.version() != savedVersions[i]) {
                throw new IllegalStateException(String.format("one of the variables needed for gradient computation has "
                        + "been modified by an inplace operation: [%s %s], saved by %s, is at version %d; expected "
                        + "version %d instead. Hint: the in-place change happened after the forward pass; use the "
                        + "out-of-place op (add instead of addi) or clone() the tensor before changing it.",
                        t.dtype(), Check.shape(t.shape()), name(), t.version(), savedVersions[i]));
            }
        }
    }

    /** Runs {@link #backward} and checks it kept its contract: one gradient per input, of a usable shape. */
    final Tensor[] gradients(Tensor grad) {
        Tensor[] grads = backward(grad);
        if (grads == null || grads.length != inputs.length) {
            throw new IllegalStateException(String.format("%s returned an incorrect number of gradients (expected %d, got "
                    + "%s); backward must return one per input, null for those that need none", name(), inputs.length,
                    grads == null ? "null" : grads.length));
        }
        for (int i = 0; i < grads.length; i++) {
            if (grads[i] == null || !needsGrad[i]) continue;
            int[] want = inputs[i].shape(), got = grads[i].shape();
            int[] b = io.jgrad.core.kernel.Shapes.broadcast(want, got);
            if (b == null || !java.util.Arrays.equals(b, got)) {
                throw new IllegalStateException(String.format("%s returned an invalid gradient at index %d - got %s but "
                        + "expected shape compatible with %s", name(), i, Check.shape(got), Check.shape(want)));
            }
        }
        return grads;
    }

    /** Frees saved tensors after a backward pass without retainGraph; ops that saved nothing stay usable. */
    final void release() {
        if (saved != null) {
            saved = null;
            released = true;
        }
    }
}
