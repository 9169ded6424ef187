package io.jgrad.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A learning-rate schedule over epochs, PyTorch's {@code lr_scheduler}: construction sets each group's
 * lr for epoch 0; call {@link #step()} once per epoch, after {@code optimizer.step()}.
 *
 * <pre>
 * jshell> var opt = new SGD(new Linear(4, 2).parameters(), 0.1);
 * jshell> var sched = new StepLR(opt, 30, 0.1);
 * jshell> for (int epoch = 0; epoch &lt; 60; epoch++) { opt.step(); sched.step(); }
 * jshell> sched.getLastLr()
 * $4 ==> [0.0010000000000000002]
 * </pre>
 */
public abstract class LRScheduler {
    /** The closed form of a schedule: the rate at {@code epoch} of a group that started at {@code base}. */
    @FunctionalInterface
    protected interface Schedule {
        double lrAt(double base, int epoch);
    }

    private final Optimizer optimizer;
    private final Schedule schedule;
    private final String settings;
    private final List<Double> baseLrs = new ArrayList<>();
    private int lastEpoch;

    /** Subclasses pass their formula as a lambda over their (validated) constructor arguments. */
    protected LRScheduler(Optimizer optimizer, Schedule schedule) {
        this(optimizer, "", schedule);
    }

    /** {@code settings}, such as "stepSize=30, gamma=0.1", name the constructor arguments in {@link #toString()}. */
    protected LRScheduler(Optimizer optimizer, String settings, Schedule schedule) {
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.settings = settings;
        for (ParamGroup g : optimizer.paramGroups()) baseLrs.add(g.lr());
        apply();
    }

    public void step() {
        lastEpoch++;
        apply();
    }

    private void apply() {
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < groups.size(); i++) groups.get(i).setLr(schedule.lrAt(baseLrs.get(i), lastEpoch));
    }

    /** The rates the last step set, one per group. */
    public List<Double> getLastLr() {
        return optimizer.paramGroups().stream().map(ParamGroup::lr).toList();
    }

    public int lastEpoch() {
        return lastEpoch;
    }

    public Map<String, Object> stateDict() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("last_epoch", lastEpoch);
        s.put("base_lrs", List.copyOf(baseLrs));
        return s;
    }

    public void loadStateDict(Map<String, Object> state) {
        String where = getClass().getSimpleName() + ".loadStateDict";
        StateDicts.requireMap(state, where + ": state dict");
        int epoch = StateDicts.get(state, "last_epoch", Integer.class, where);
        List<?> bases = StateDicts.get(state, "base_lrs", List.class, where);
        if (bases.size() != baseLrs.size()) {
            throw new IllegalArgumentException(where + ": 'base_lrs' holds " + bases.size() + " rates but the optimizer has "
                    + baseLrs.size() + " parameter groups; the state dict was saved with a different optimizer");
        }
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < bases.size(); i++) {
            rates.add(StateDicts.require(bases.get(i), Number.class, where + ": base_lrs[" + i + "]").doubleValue());
        }
        lastEpoch = epoch;
        baseLrs.clear();
        baseLrs.addAll(rates);
        apply();
    }

    /** For example {@code StepLR(stepSize=30, gamma=0.1, lastEpoch=0, lr=[0.1])}. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + (settings.isEmpty() ? "" : settings + ", ") + "lastEpoch=" + lastEpoch
                + ", lr=" + getLastLr() + ")";
    }

    /** Throws with {@code message} unless {@code ok}; returns {@code schedule} so checks can run before super(). */
    static Schedule require(boolean ok, String message, Schedule schedule) {
        if (!ok) throw new IllegalArgumentException(message);
        return schedule;
    }
}
