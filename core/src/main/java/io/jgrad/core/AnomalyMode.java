package io.jgrad.core;

import java.util.ArrayList;
import java.util.List;

/**
 * PyTorch's {@code torch.autograd.detect_anomaly()} as a try-with-resources scope on this thread: ops
 * created inside it remember the line of user code that created them, and a backward pass run inside
 * it fails as soon as an op's backward returns a NaN or infinite gradient, naming the op, its inputs'
 * shapes and that line. Outside the scope an op pays one flag read, which it shares with grad mode.
 *
 * <pre>
 * jshell> var x = Tensor.of(-1.0).requiresGrad(true);
 * jshell> var message = "";
 * jshell> try (var a = Tensor.detectAnomaly()) { x.sqrt().sum().backward(); }
 *    ...> catch (IllegalStateException e) { message = e.getMessage(); }
 * jshell> message
 * message ==> "Function 'SqrtBackward0' returned nan values in its 0th output; its inputs had shapes [[]]; ..."
 * </pre>
 */
public final class AnomalyMode implements AutoCloseable {
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final boolean[] state;
    private final boolean previous;

    private AnomalyMode() {
        state = GradMode.state();
        previous = state[GradMode.ANOMALY];
        state[GradMode.ANOMALY] = true;
    }

    /** Turns anomaly detection on until {@link #close()}, which restores the previous setting. */
    public static AnomalyMode enable() {
        return new AnomalyMode();
    }

    public static boolean isEnabled() {
        return GradMode.state()[GradMode.ANOMALY];
    }

    @Override
    public void close() {
        state[GradMode.ANOMALY] = previous;
    }

    /**
     * "File.java:line (class.method)" of the first frame outside jgrad's own modules. Test and example
     * classes share the io.jgrad packages, so a frame is jgrad's by where its class was loaded from
     * (as nn's Warnings decides), not by its package.
     */
    static String callSite() {
        List<Object> library = Libraries.LOCATIONS;
        return WALKER.walk(frames -> frames
                .filter(f -> !library.contains(location(f.getDeclaringClass())))
                .findFirst()
                .map(f -> (f.getFileName() != null ? f.getFileName() : f.getClassName()) + ":" + f.getLineNumber()
                        + " (" + f.getClassName() + "." + f.getMethodName() + ")")
                .orElse("an unknown place"));
    }

    /** Throws if a gradient that {@code op}'s backward returned holds a NaN or an infinity. */
    static void check(Op op, Tensor[] grads) {
        for (int i = 0; i < grads.length; i++) {
            if (grads[i] == null || !grads[i].dtype().isFloatingPoint()) continue;
            String bad = nonFinite(grads[i].toDoubleArray());
            if (bad == null) continue;
            List<String> shapes = new ArrayList<>();
            for (Tensor t : op.inputs) shapes.add(Check.shape(t.shape()));
            throw new IllegalStateException(String.format("Function '%s' returned %s values in its %dth output; its "
                    + "inputs had shapes %s; it was created at %s. Check the forward op there for a NaN or inf source "
                    + "(sqrt or log of a negative, 0 * inf, a division by 0).", op.name(), bad, i, shapes,
                    op.creationSite != null ? op.creationSite : "a place not recorded: run the forward pass inside "
                    + "Tensor.detectAnomaly() too"));
        }
    }

    private static String nonFinite(double[] v) {
        boolean inf = false;
        for (double x : v) {
            if (Double.isNaN(x)) return "nan";
            inf |= Double.isInfinite(x);
        }
        return inf ? "inf" : null;
    }

    private static Object location(Class<?> c) {
        var source = c.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? c.getPackageName() : source.getLocation().toString();
    }

    /** Where core, nn and optim were loaded from; looked up by name so core does not depend on them. */
    private static final class Libraries {
        static final List<Object> LOCATIONS = new ArrayList<>();

        static {
            LOCATIONS.add(location(Op.class));
            for (String name : new String[] {"io.jgrad.nn.Module", "io.jgrad.optim.Optimizer"}) {
                try {
                    LOCATIONS.add(location(Class.forName(name, false, Op.class.getClassLoader())));
                } catch (ClassNotFoundException notOnClassPath) {
                    // only core is in use
                }
            }
        }
    }
}
