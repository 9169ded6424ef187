package io.jgrad.optim;

import java.util.List;

/**
 * Multiplies every group's rate by {@code factor} when a metric has stopped improving for more than
 * {@code patience} epochs (PyTorch's rules: relative threshold, cooldown, min lr, changes smaller
 * than 1e-8 skipped). Call {@link #step(double)} with the metric once per epoch.
 */
public class ReduceLROnPlateau {
    public enum Mode { MIN, MAX }

    private static final double EPS = 1e-8;

    private final Optimizer optimizer;
    private final Mode mode;
    private final double factor, threshold, minLr;
    private final int patience, cooldown;
    private double best;
    private int badEpochs, cooldownLeft;

    public ReduceLROnPlateau(Optimizer optimizer) {
        this(optimizer, Mode.MIN, 0.1, 10, 1e-4, 0, 0);
    }

    public ReduceLROnPlateau(Optimizer optimizer, Mode mode, double factor, int patience, double threshold, int cooldown,
                             double minLr) {
        if (!(factor < 1.0)) throw new IllegalArgumentException("Factor should be < 1.0; got " + factor);
        this.optimizer = optimizer;
        this.mode = mode;
        this.factor = factor;
        this.patience = patience;
        this.threshold = threshold;
        this.cooldown = cooldown;
        this.minLr = minLr;
        this.best = mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    public void step(double metric) {
        if (isBetter(metric)) {
            best = metric;
            badEpochs = 0;
        } else {
            badEpochs++;
        }
        if (cooldownLeft > 0) {
            cooldownLeft--;
            badEpochs = 0;
        }
        if (badEpochs > patience) {
            for (ParamGroup g : optimizer.paramGroups()) {
                double lr = Math.max(g.lr() * factor, minLr);
                if (g.lr() - lr > EPS) g.setLr(lr);
            }
            cooldownLeft = cooldown;
            badEpochs = 0;
        }
    }

    private boolean isBetter(double metric) {
        return mode == Mode.MIN ? metric < best * (1 - threshold) : metric > best * (threshold + 1);
    }

    /** The counters that decide the next reduction (the rates live in the optimizer's state dict). */
    public java.util.Map<String, Object> stateDict() {
        return java.util.Map.of("best", best, "num_bad_epochs", badEpochs, "cooldown_counter", cooldownLeft);
    }

    public void loadStateDict(java.util.Map<String, Object> state) {
        String where = "ReduceLROnPlateau.loadStateDict";
        StateDicts.requireMap(state, where + ": state dict");
        double savedBest = StateDicts.get(state, "best", Double.class, where);
        int bad = StateDicts.get(state, "num_bad_epochs", Integer.class, where);
        int cool = StateDicts.get(state, "cooldown_counter", Integer.class, where);
        best = savedBest;
        badEpochs = bad;
        cooldownLeft = cool;
    }

    /** For example {@code ReduceLROnPlateau(mode=MIN, factor=0.1, patience=10, ..., lr=[0.1])}. */
    @Override
    public String toString() {
        return "ReduceLROnPlateau(mode=" + mode + ", factor=" + factor + ", patience=" + patience + ", threshold="
                + threshold + ", cooldown=" + cooldown + ", minLr=" + minLr + ", best=" + best + ", badEpochs=" + badEpochs
                + ", lr=" + getLastLr() + ")";
    }

    public List<Double> getLastLr() {
        return optimizer.paramGroups().stream().map(ParamGroup::lr).toList();
    }
}
