package io.jgrad.optim;

import io.jgrad.core.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** Options are stored under PyTorch's names; jgrad's former camelCase spellings are still read, so older dicts load. */
    private static final Map<String, String> CAMEL_CASE = Map.of("weightDecay", "weight_decay");

    private final Map<String, Object> defaults;
    private final List<ParamGroup> groups = new ArrayList<>();
    /** Per-parameter state (step counts, moment buffers), keyed by identity like PyTorch's. */
    protected final Map<Tensor, Map<String, Object>> state = new IdentityHashMap<>();

    protected Optimizer(Iterable<Tensor> params, Map<String, Object> defaults) {
        this.defaults = new LinkedHashMap<>(defaults);
        addParamGroup(params, Map.of());
    }

    /**
     * A new group: {@code options} override the optimizer's defaults, e.g. {@code Map.of("lr", 0.01,
     * "weight_decay", 0.0)}; PyTorch's option names, with {@code weightDecay} accepted too.
     */
    public final void addParamGroup(Iterable<Tensor> params, Map<String, Object> options) {
        String where = name() + " parameter group " + groups.size();
        if (params == null) {
            throw new IllegalArgumentException(where + ": params is null; pass the tensors to optimize, e.g. "
                    + "model.parameters()");
        }
        List<Tensor> list = new ArrayList<>();
        params.forEach(list::add);
        if (list.isEmpty()) throw new IllegalArgumentException(name() + " got an empty parameter list");
        for (int i = 0; i < list.size(); i++) {
            Tensor p = list.get(i);
            if (p == null) {
                throw new IllegalArgumentException(where + ": optimizer can only optimize Tensors, but parameter " + i
                        + " is null");
            }
            // The result of an op is recomputed on every forward pass, so updating it in place never trains anything.
            if (!p.isLeaf()) {
                throw new IllegalArgumentException(where + ": can't optimize a non-leaf Tensor (parameter " + i + ", shape "
                        + Arrays.toString(p.shape()) + ", is the result of an operation); pass the leaf tensor itself, "
                        + "e.g. model.parameters(), or make one with detach().requiresGrad(true)");
            }
        }
        for (ParamGroup g : groups) {
            for (Tensor p : list) {
                if (g.params().stream().anyMatch(q -> q == p)) {
                    throw new IllegalArgumentException("some parameters appear in more than one parameter group");
                }
            }
        }
        if (options == null) throw new IllegalArgumentException(where + ": options is null; pass Map.of() to use the defaults");
        Map<String, Object> named = canonicalNames(options, where);
        named.forEach((key, value) -> checkOption(key, value, where));
        Map<String, Object> merged = new LinkedHashMap<>(defaults);
        merged.putAll(named);
        ParamGroup group = new ParamGroup(list, merged);
        validate(group);
        validateCombination(group);
        groups.add(group);
    }

    private static Map<String, Object> canonicalNames(Map<?, ?> options, String where) {
        Map<String, Object> out = new LinkedHashMap<>();
        options.forEach((k, v) -> {
            String key = StateDicts.require(k, String.class, where + " key");
            String name = CAMEL_CASE.getOrDefault(key, key);
            if (out.containsKey(name)) {
                throw new IllegalArgumentException(where + ": option '" + name + "' is given twice (also as '" + key + "')");
            }
            out.put(name, v);
        });
        return out;
    }

    /** An option must be known and of its default's kind, so a typo or a "0.01" fails here rather than in step(). */
    private void checkOption(String key, Object value, String where) {
        if (!defaults.containsKey(key)) {
            throw new IllegalArgumentException(name() + " has no option '" + key + "'; known: " + defaults.keySet());
        }
        Object def = defaults.get(key);
        Class<?> kind = def instanceof Number ? Number.class : def.getClass();
        StateDicts.require(value, kind, where + ": option '" + key + "'");
        if (value instanceof double[] d && d.length != ((double[]) def).length) {
            throw new IllegalArgumentException(where + ": option '" + key + "' must hold " + ((double[]) def).length
                    + " values; got " + Arrays.toString(d));
        }
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
        for (ParamGroup group : groups) validateCombination(group);
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

    /** The per-parameter state keys a step needs once a parameter has state; a loaded state dict must have them. */
    protected List<String> requiredState(ParamGroup group) {
        return List.of();
    }

    /** Checks each of one group's options on its own, with PyTorch's messages; runs in every setter. */
    protected abstract void validate(ParamGroup group);

    /**
     * Checks how one group's options fit together. PyTorch's keyword arguments have no order, so the
     * setters don't run this (nesterov(true) may come before momentum(0.9)); step() and the group and
     * state-dict loaders do.
     */
    protected void validateCombination(ParamGroup group) {
    }

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
                if (s != null) stateList.put(index, copy(s, p));
                index++;
            }
            g.put("params", ids);
            groupList.add(g);
        }
        saved.put("state", stateList);
        saved.put("param_groups", groupList);
        return saved;
    }

    /**
     * Restores options and state saved by {@link #stateDict()} from an optimizer over the same parameters.
     * Everything is checked before anything changes, so a bad dict leaves this optimizer as it was.
     */
    public final void loadStateDict(Map<String, Object> saved) {
        String where = name() + ".loadStateDict";
        StateDicts.requireMap(saved, where + ": state dict");
        List<?> savedGroups = StateDicts.get(saved, "param_groups", List.class, where);
        Map<?, ?> savedState = StateDicts.get(saved, "state", Map.class, where);
        if (savedGroups.size() != groups.size()) {
            throw new IllegalArgumentException("loaded state dict has a different number of parameter groups ("
                    + savedGroups.size() + " vs " + groups.size() + ")");
        }
        Map<Tensor, Map<String, Object>> restored = new IdentityHashMap<>();
        List<Map<String, Object>> options = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            ParamGroup group = groups.get(i);
            String at = where + ": param_groups[" + i + "]";
            Map<?, ?> savedGroup = StateDicts.requireMap(savedGroups.get(i), at);
            List<?> ids = StateDicts.get(savedGroup, "params", List.class, at);
            if (ids.size() != group.params().size()) {
                throw new IllegalArgumentException("loaded state dict contains a parameter group that doesn't match the "
                        + "size of optimizer's group " + i + " (" + ids.size() + " vs " + group.params().size() + ")");
            }
            Map<String, Object> merged = new LinkedHashMap<>(group.options());
            canonicalNames(savedGroup, at).forEach((k, v) -> {
                if (!"params".equals(k)) {
                    checkOption(k, v, at);
                    merged.put(k, v);
                }
            });
            ParamGroup candidate = new ParamGroup(group.params(), merged);
            validate(candidate);
            validateCombination(candidate);
            options.add(merged);
            for (int j = 0; j < ids.size(); j++) {
                Object s = savedState.get(StateDicts.require(ids.get(j), Integer.class, at + ": params[" + j + "]"));
                if (s == null) continue;
                Tensor p = group.params().get(j);
                String of = " of group " + i + " parameter " + j;
                Map<?, ?> entry = StateDicts.requireMap(s, where + ": state" + of);
                for (String key : requiredState(new ParamGroup(group.params(), merged))) {
                    if (!entry.isEmpty()) StateDicts.get(entry, key, Object.class, where + ": state" + of);
                }
                entry.forEach((k, v) -> checkState(p, k, v, where + ": state '" + k + "'" + of));
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) entry;
                restored.put(p, copy(typed, p));
            }
        }
        for (int i = 0; i < groups.size(); i++) groups.get(i).options().putAll(options.get(i));
        state.clear();
        state.putAll(restored);
    }

    /** Buffers (momentum, moments) live beside their parameter, so they must match its shape and dtype. */
    private static void checkState(Tensor p, Object key, Object value, String what) {
        StateDicts.require(key, String.class, what + " key");
        if (value instanceof Tensor t) {
            if (!Arrays.equals(t.shape(), p.shape()) || t.dtype() != p.dtype()) {
                throw new IllegalArgumentException(what + " has shape " + Arrays.toString(t.shape()) + " and dtype "
                        + t.dtype() + " but the parameter has shape " + Arrays.toString(p.shape()) + " and dtype "
                        + p.dtype() + "; the state dict was saved from a different model");
            }
        } else if (!(value instanceof Number || value instanceof Boolean)) {
            throw new IllegalArgumentException(what + " must be a Tensor, Number or Boolean; got " + StateDicts.describe(value));
        }
    }

    /** The state's own copies, on the parameter's device as PyTorch's load_state_dict casts them. */
    private static Map<String, Object> copy(Map<String, Object> s, Tensor param) {
        Map<String, Object> out = new LinkedHashMap<>();
        s.forEach((k, v) -> out.put(k, v instanceof Tensor t ? t.detach().to(param.device()).clone() : v));
        return out;
    }

    /** As PyTorch prints an optimizer: each group's options by name, values written as Python writes them. */
    @Override
    public String toString() {
        return Repr.optimizer(name(), groups);
    }

    private String name() {
        return getClass().getSimpleName();
    }

    /** Sets an option on the defaults and every group, checking the option's range in each group. */
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
