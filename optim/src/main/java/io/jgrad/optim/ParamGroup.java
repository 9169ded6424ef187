package io.jgrad.optim;

import io.jgrad.core.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters that share hyper-parameters, PyTorch's {@code param_groups} entry: a list of tensors and
 * the options (lr, momentum, ...) the optimizer reads at every step, so schedulers can change them.
 */
public final class ParamGroup {
    private final List<Tensor> params;
    private final Map<String, Object> options;

    ParamGroup(List<Tensor> params, Map<String, Object> options) {
        this.params = List.copyOf(params);
        this.options = new LinkedHashMap<>(options);
    }

    public List<Tensor> params() {
        return params;
    }

    /**
     * The options by PyTorch's names ("lr", "momentum", "weight_decay", "betas", ...); a live, modifiable view, as
     * PyTorch's param_groups dicts are. A value of the wrong type fails clearly at the next step.
     */
    public Map<String, Object> options() {
        return options;
    }

    public double lr() {
        return number("lr");
    }

    public void setLr(double lr) {
        options.put("lr", lr);
    }

    /*
     * The map is live, as PyTorch's param_groups dicts are, so anything may have been put there since
     * the optimizer validated it: each read checks the type and names the option.
     */

    double number(String key) {
        return typed(key, Number.class, "a number such as 0.01").doubleValue();
    }

    boolean flag(String key) {
        return typed(key, Boolean.class, "true or false");
    }

    double[] pair(String key) {
        double[] pair = typed(key, double[].class, "a double[] of two values such as {0.9, 0.999}");
        if (pair.length != 2) throw new IllegalStateException("param group option '" + key + "' has " + pair.length
                + " values; expected two, such as {0.9, 0.999}");
        return pair;
    }

    private <T> T typed(String key, Class<T> type, String expected) {
        Object v = options.get(key);
        if (!type.isInstance(v)) {
            throw new IllegalStateException("param group option '" + key + "' is " + (v == null ? "missing (null)"
                    : v.getClass().getSimpleName() + " " + v) + "; expected " + expected);
        }
        return type.cast(v);
    }
}
