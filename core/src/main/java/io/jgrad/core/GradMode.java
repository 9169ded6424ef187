package io.jgrad.core;

/**
 * Whether ops record the autograd graph on this thread; PyTorch's {@code torch.no_grad()} and
 * {@code torch.enable_grad()} as try-with-resources scopes.
 *
 * <pre>
 * jshell> var w = Tensor.ones(2).requiresGrad(true);
 * jshell> try (var g = Tensor.noGrad()) { w.muli(0.5); }
 * jshell> w
 * w ==> tensor([0.5000, 0.5000], requires_grad=True)
 * </pre>
 */
public final class GradMode implements AutoCloseable {
    /** Index of the anomaly-detection flag in {@link #state()}: one thread-local read per op serves both. */
    static final int ANOMALY = 1;
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true, false});

    private final boolean[] state;
    private final boolean previous;

    private GradMode(boolean enabled) {
        state = ENABLED.get();
        previous = state[0];
        state[0] = enabled;
    }

    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /** Disables recording until {@link #close()}, which restores the previous mode. */
    public static GradMode noGrad() {
        return new GradMode(false);
    }

    /** Enables recording until {@link #close()}, e.g. inside a {@link #noGrad()} block. */
    public static GradMode enableGrad() {
        return new GradMode(true);
    }

    /** This thread's mode flags (grad mode at 0, anomaly detection at {@link #ANOMALY}), for ops to switch it around their forward pass without another lookup. */
    static boolean[] state() {
        return ENABLED.get();
    }

    @Override
    public void close() {
        state[0] = previous;
    }
}
