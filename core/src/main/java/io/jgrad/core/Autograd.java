package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise.Binary;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The backward pass (topological order, gradient routing, broadcasting undone, leaf accumulation) and
 * the checks behind the autograd state a {@link Tensor} carries: requiresGrad, grad, data, retainGrad.
 */
final class Autograd {
    private static final AtomicLong PASS = new AtomicLong();

    private Autograd() {}

    /** {@link Tensor#requiresGrad(boolean)}: only a leaf's flag changes, and only floating point may need grad. */
    static Tensor requiresGrad(Tensor t, boolean requiresGrad) {
        Check.argument(t.isLeaf(), "requiresGrad: you can only change requires_grad flags of leaf variables; use "
                + "detach().requiresGrad(true) for a new leaf");
        Check.argument(!requiresGrad || t.dtype().isFloatingPoint(), "requiresGrad: only Tensors of floating point dtype "
                + "can require gradients; this one is %s (convert with toFloat())", t.dtype());
        t.setRequiresGradFlag(requiresGrad);
        return t;
    }

    /** {@link Tensor#setGrad}: null, or a gradient of t's shape and dtype that a later backward adds into. */
    static void setGrad(Tensor t, Tensor grad) {
        Check.argument(grad == null || Arrays.equals(grad.shape(), t.shape()) && grad.dtype() == t.dtype(), "setGrad: "
                + "assigned grad has %s %s but the tensor is %s %s", grad == null ? null : grad.dtype(),
                grad == null ? null : Check.shape(grad.shape()), t.dtype(), Check.shape(t.shape()));
        t.setEngineGrad(grad, true);  // PyTorch's backward adds into an assigned .grad in place
    }

    /**
     * {@link Tensor#setData}: the leaf t takes src's storage and dtype (PyTorch's {@code t.data = src}),
     * its gradient converted along; the storage is replaced, not written, so no version is bumped.
     */
    static Tensor setData(Tensor t, Tensor src) {
        Check.notNull(src, "setData", "src");
        Check.argument(t.isLeaf(), "setData: only a leaf's data can be replaced; this tensor has grad_fn %s", t.gradFn());
        Check.argument(Arrays.equals(t.shape(), src.shape()), "setData: src has shape %s but this tensor has %s",
                Check.shape(src.shape()), Check.shape(t.shape()));
        Check.argument(!t.requiresGrad() || src.dtype().isFloatingPoint(), "setData: this tensor requires grad, so its "
                + "data must be floating point; got %s", src.dtype());
        Tensor grad = t.grad();
        if (grad != null && (grad.dtype() != src.dtype() || grad.device() != src.device())) {
            t.setEngineGrad(grad.detach().to(src.device()).to(src.dtype()), true);
        }
        t.adopt(src);
        return t;
    }

    /** {@link Tensor#retainGrad}: a non-leaf keeps its gradient in grad() during backward; a leaf does anyway. */
    static Tensor retainGrad(Tensor t) {
        if (t.gradFn() != null) t.gradFn().retainedOutput = t;
        return t;
    }

    static boolean retainsGrad(Tensor t) {
        return t.gradFn() != null && t.gradFn().retainedOutput == t;
    }

    /** {@link Tensor#backward()}: the implicit gradient 1, so only for a one-element output. */
    static void backward(Tensor root) {
        if (root.numel() != 1) {
            throw new IllegalStateException("grad can be implicitly created only for scalar outputs; this tensor has shape "
                    + Check.shape(root.shape()) + ". Reduce it first (sum() or mean()), or pass a gradient: "
                    + "backward(gradient)");
        }
        backward(root, Tensor.onesLike(root), false);
    }

    static void backward(Tensor root, Tensor seed, boolean retainGraph) {
        Check.notNull(seed, "backward", "gradient");
        if (!root.requiresGrad()) {
            throw new IllegalStateException("element 0 of tensors does not require grad and does not have a grad_fn; "
                    + "call requiresGrad(true) on the inputs you want gradients for, and do not run the forward pass "
                    + "inside Tensor.noGrad()");
        }
        Check.argument(Arrays.equals(seed.shape(), root.shape()), "backward: gradient has shape %s but the output has "
                + "shape %s; they must match", Check.shape(seed.shape()), Check.shape(root.shape()));
        boolean anomaly = AnomalyMode.isEnabled();
        try (var g = GradMode.noGrad()) {
            Set<Storage> handedOut = Collections.newSetFromMap(new IdentityHashMap<>());
            handedOut.add(seed.storage);
            seed = seed.to(root.device()).to(root.dtype());
            if (root.gradFn() == null) {
                accumulate(root, seed, handedOut);
                return;
            }
            root.gradFn().pendingGrad = seed;
            for (Op op : topologicalOrder(root.gradFn())) {
                Tensor grad = op.pendingGrad;
                op.pendingGrad = null;
                if (grad == null) continue;
                if (op.retainedOutput != null) accumulate(op.retainedOutput, grad, handedOut);
                op.checkSaved();
                Tensor[] grads = op.gradients(grad);
                if (anomaly) AnomalyMode.check(op, grads);
                for (int i = 0; i < op.inputs.length; i++) {
                    if (!op.needsGrad[i] || grads[i] == null) continue;
                    Tensor input = op.inputs[i];
                    Tensor gi = sumToShape(grads[i], input.shape()).to(input.device()).to(input.dtype());
                    Op next = input.gradFn();
                    if (next == null) {
                        accumulate(input, gi, handedOut);
                    } else {
                        next.pendingGrad = next.pendingGrad == null ? gi : next.pendingGrad.add(gi);
                    }
                }
                if (!retainGraph) op.release();
            }
        }
    }

    /** Reverse topological order from {@code root}, iteratively so a 100,000-op chain cannot overflow the stack. */
    private static List<Op> topologicalOrder(Op root) {
        long mark = PASS.incrementAndGet();
        List<Op> postOrder = new ArrayList<>();
        ArrayDeque<Op> stack = new ArrayDeque<>();
        ArrayDeque<Integer> next = new ArrayDeque<>();
        root.visitMark = mark;
        stack.push(root);
        next.push(0);
        while (!stack.isEmpty()) {
            Op op = stack.peek();
            int i = next.pop();
            Op child = null;
            while (i < op.inputs.length && child == null) {
                Tensor in = op.inputs[i++];
                if (in != null && op.needsGrad[i - 1] && in.gradFn() != null && in.gradFn().visitMark != mark) {
                    child = in.gradFn();
                }
            }
            if (child == null) {
                stack.pop();
                postOrder.add(op);
            } else {
                next.push(i);
                child.visitMark = mark;
                stack.push(child);
                next.push(0);
            }
        }
        Collections.reverse(postOrder);
        return postOrder;
    }

    /**
     * Sums a gradient over the dimensions its input was broadcast along: the one place broadcasting
     * is undone, so no op has to.
     */
    static Tensor sumToShape(Tensor g, int[] shape) {
        int[] gs = g.shape();
        if (Arrays.equals(gs, shape)) return g;
        int lead = gs.length - shape.length;
        boolean[] dims = new boolean[gs.length];
        for (int d = 0; d < gs.length; d++) dims[d] = d < lead || (shape[d - lead] == 1 && gs[d] != 1);
        return new Tensor(g.kernels().sum(g.data(), gs, dims), shape);
    }

    /**
     * Adds into a leaf's (or retained) gradient. A gradient tensor may reach several places (Add passes
     * its gradient to both inputs), so one that was handed out already is copied: each .grad owns its
     * storage and may be changed in place (clipping, zeroing) without touching another.
     *
     * <p>An existing gradient is added into in place, as PyTorch's AccumulateGrad does (a reference kept
     * to it sees the sum, as in PyTorch), so {@code zeroGrad(false)} and accumulation over micro-batches
     * reuse one buffer. The exception is a gradient adopted without a copy: it may still be pending at
     * another node or belong to a custom op's tensor, so it is summed out of place once, and the sum is
     * the engine's.
     */
    private static void accumulate(Tensor t, Tensor g, Set<Storage> handedOut) {
        Tensor current = t.grad();
        if (current == null) {
            boolean fresh = handedOut.add(g.storage);
            t.setEngineGrad(fresh ? g : g.clone(), !fresh);
        } else if (t.ownsGrad()) {
            current.kernels().binaryInPlace(Binary.ADD, current.data(), current.shape(), g.data(), g.shape());
            current.bumpVersion();
        } else {
            t.setEngineGrad(current.add(g), true);
        }
    }
}
