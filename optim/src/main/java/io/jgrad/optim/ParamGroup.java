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

    /** The options by name ("lr", "momentum", "weightDecay", "betas", ...); a live, modifiable view. */
    public Map<String, Object> options() {
        return options;
    }

    public double lr() {
        return number("lr");
    }

    public void setLr(double lr) {
        options.put("lr", lr);
    }

    double number(String key) {
        return ((Number) options.get(key)).doubleValue();
    }

    boolean flag(String key) {
        return Boolean.TRUE.equals(options.get(key));
    }

    double[] pair(String key) {
        return (double[]) options.get(key);
    }
}
