package io.jgrad.optim;

import io.jgrad.core.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Base of the optimizers, PyTorch's {@code torch.optim.Optimizer}: parameter groups with their own
 * hyper-parameters, per-parameter state, {@code zeroGrad}, {@code step} and a state dict for resuming.
 * Parameters whose gradient is null are skipped. Updates run in place with recording off.
 */
public abstract class Optimizer {
    private final Map<String, Object> defaults;
    private final List<ParamGroup> groups = new ArrayList<>();
    /** Per-parameter state (step counts, moment buffers), keyed by identity like PyTorch's. */
    protected final Map<Tensor, Map<String, Object>> state = new IdentityHashMap<>();

    protected Optimizer(Iterable<Tensor> params, Map<String, Object> defaults) {
        this.defaults = new LinkedHashMap<>(defaults);
        addParamGroup(params, Map.of());
    }

    /** A new group: {@code options} override the optimizer's defaults, e.g. {@code Map.of("lr", 0.01)}. */
    public final void addParamGroup(Iterable<Tensor> params, Map<String, Object> options) {
        List<Tensor> list = new ArrayList<>();
        params.forEach(list::add);
        if (list.isEmpty()) throw new IllegalArgumentException(name() + " got an empty parameter list");
        for (ParamGroup g : groups) {
            for (Tensor p : list) {
                if (g.params().stream().anyMatch(q -> q == p)) {
                    throw new IllegalArgumentException("some parameters appear in more than one parameter group");
                }
            }
        }
        for (String key : options.keySet()) {
            if (!defaults.containsKey(key)) {
                throw new IllegalArgumentException(name() + " has no option '" + key + "'; known: " + defaults.keySet());
            }
        }
        Map<String, Object> merged = new LinkedHashMap<>(defaults);
        merged.putAll(options);
        ParamGroup group = new ParamGroup(list, merged);
        validate(group);
        groups.add(group);
    }

    public final List<ParamGroup> paramGroups() {
        return Collections.unmodifiableList(groups);
    }

    /** Clears every gradient (PyTorch 2's default, set_to_none=True). */
    public final void zeroGrad() {
        zeroGrad(true);
    }

    /** {@code setToNone} false zeroes the gradients in place instead. */
    public final void zeroGrad(boolean setToNone) {
        try (var g = Tensor.noGrad()) {
            for (ParamGroup group : groups) {
                for (Tensor p : group.params()) {
                    if (setToNone) p.zeroGrad();
                    else if (p.grad() != null) p.grad().zeroi();
                }
            }
        }
    }

    /** One update of every parameter that has a gradient. */
    public final void step() {
        try (var g = Tensor.noGrad()) {
            for (ParamGroup group : groups) update(group);
        }
    }

    /** Re-evaluates the loss with {@code closure} (which should zero the grads and call backward), then steps. */
    public final Tensor step(Supplier<Tensor> closure) {
        Tensor loss;
        try (var g = Tensor.enableGrad()) {
            loss = closure.get();
        }
        step();
        return loss;
    }

    /** Updates the parameters of one group, reading its current options. */
    protected abstract void update(ParamGroup group);

    /** Checks one group's options with PyTorch's messages. */
    protected abstract void validate(ParamGroup group);

    protected Map<String, Object> stateOf(Tensor p) {
        return state.computeIfAbsent(p, k -> new LinkedHashMap<>());
    }

    /** Options by group and copies of the per-parameter state, parameters numbered in group order. */
    public final Map<String, Object> stateDict() {
        Map<String, Object> saved = new LinkedHashMap<>();
        List<Map<String, Object>> groupList = new ArrayList<>();
        Map<Integer, Map<String, Object>> stateList = new LinkedHashMap<>();
        int index = 0;
        for (ParamGroup group : groups) {
            Map<String, Object> g = new LinkedHashMap<>(group.options());
            List<Integer> ids = new ArrayList<>();
            for (Tensor p : group.params()) {
                ids.add(index);
                Map<String, Object> s = state.get(p);
                if (s != null) stateList.put(index, copy(s));
                index++;
            }
            g.put("params", ids);
            groupList.add(g);
        }
        saved.put("state", stateList);
        saved.put("param_groups", groupList);
        return saved;
    }

    /** Restores options and state saved by {@link #stateDict()} from an optimizer over the same parameters. */
    @SuppressWarnings("unchecked")
    public final void loadStateDict(Map<String, Object> saved) {
        List<Map<String, Object>> savedGroups = (List<Map<String, Object>>) saved.get("param_groups");
        if (savedGroups == null || savedGroups.size() != groups.size()) {
            throw new IllegalArgumentException("loaded state dict has a different number of parameter groups ("
                    + (savedGroups == null ? 0 : savedGroups.size()) + " vs " + groups.size() + ")");
        }
        Map<Integer, Map<String, Object>> savedState = (Map<Integer, Map<String, Object>>) saved.get("state");
        state.clear();
        for (int i = 0; i < groups.size(); i++) {
            ParamGroup group = groups.get(i);
            List<Integer> ids = (List<Integer>) savedGroups.get(i).get("params");
            if (ids.size() != group.params().size()) {
                throw new IllegalArgumentException("loaded state dict contains a parameter group that doesn't match the "
                        + "size of optimizer's group " + i + " (" + ids.size() + " vs " + group.params().size() + ")");
            }
            savedGroups.get(i).forEach((k, v) -> {
                if (!k.equals("params")) group.options().put(k, v);
            });
            for (int j = 0; j < ids.size(); j++) {
                Map<String, Object> s = savedState.get(ids.get(j));
                if (s != null) state.put(group.params().get(j), copy(s));
            }
        }
    }

    private static Map<String, Object> copy(Map<String, Object> s) {
        Map<String, Object> out = new LinkedHashMap<>();
        s.forEach((k, v) -> out.put(k, v instanceof Tensor t ? t.detach().clone() : v));
        return out;
    }

    private String name() {
        return getClass().getSimpleName();
    }

    /** Sets an option on the defaults and every group, validating each group. */
    protected final void set(String key, Object value) {
        defaults.put(key, value);
        for (ParamGroup g : groups) {
            g.options().put(key, value);
            validate(g);
        }
    }

    static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
