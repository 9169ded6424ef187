package io.jgrad.optim;

import io.jgrad.core.Fused;
import io.jgrad.core.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam, PyTorch's {@code torch.optim.Adam}, step for step (bias-corrected; L2 weight decay added to
 * the gradient; amsgrad keeps the running maximum of the raw second moment):
 * <pre>
 *   g = ∇ (negated when maximize);  g += weightDecay·p
 *   m = β1·m + (1 - β1)·g;  v = β2·v + (1 - β2)·g²
 *   p -= lr / (1 - β1^t) · m / (sqrt(v or vmax) / sqrt(1 - β2^t) + eps)
 * </pre>
 */
public class Adam extends Optimizer {
    public Adam(Iterable<Tensor> params) {
        this(params, 1e-3);
    }

    public Adam(Iterable<Tensor> params, double lr) {
        this(params, lr, 0.0);
    }

    Adam(Iterable<Tensor> params, double lr, double weightDecay) {
        super(params, defaults(lr, weightDecay));
    }

    private static Map<String, Object> defaults(double lr, double weightDecay) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("betas", new double[] {0.9, 0.999});
        d.put("eps", 1e-8);
        d.put("weight_decay", weightDecay);
        d.put("amsgrad", false);
        d.put("maximize", false);
        return d;
    }

    public Adam betas(double beta1, double beta2) {
        set("betas", new double[] {beta1, beta2});
        return this;
    }

    public Adam eps(double eps) {
        set("eps", eps);
        return this;
    }

    public Adam weightDecay(double weightDecay) {
        set("weight_decay", weightDecay);
        return this;
    }

    public Adam amsgrad(boolean amsgrad) {
        set("amsgrad", amsgrad);
        return this;
    }

    public Adam maximize(boolean maximize) {
        set("maximize", maximize);
        return this;
    }

    /** AdamW decays the weights directly instead of adding weightDecay·p to the gradient. */
    boolean decoupled() {
        return false;
    }

    @Override
    protected List<String> requiredState(ParamGroup g) {
        return List.of("step", "exp_avg", "exp_avg_sq");  // max_exp_avg_sq starts at zero when amsgrad is turned on later
    }

    @Override
    protected void validate(ParamGroup g) {
        double[] betas = g.pair("betas");
        require(g.lr() >= 0, "Invalid learning rate: " + g.lr());
        require(g.number("eps") >= 0, "Invalid epsilon value: " + g.number("eps"));
        require(betas[0] >= 0 && betas[0] < 1, "Invalid beta parameter at index 0: " + betas[0]);
        require(betas[1] >= 0 && betas[1] < 1, "Invalid beta parameter at index 1: " + betas[1]);
        require(g.number("weight_decay") >= 0, "Invalid weight_decay value: " + g.number("weight_decay"));
    }

    @Override
    protected void update(ParamGroup group) {
        double lr = group.lr(), eps = group.number("eps"), weightDecay = group.number("weight_decay");
        double[] betas = group.pair("betas");
        boolean amsgrad = group.flag("amsgrad"), maximize = group.flag("maximize"), decoupled = decoupled();
        for (Tensor p : group.params()) {
            if (p.grad() == null) continue;
            Map<String, Object> s = stateOf(p);
            if (!s.containsKey("step")) {
                s.put("step", 0L);
                s.put("exp_avg", Tensor.zerosLike(p));
                s.put("exp_avg_sq", Tensor.zerosLike(p));
            }
            long step = ((Number) s.get("step")).longValue() + 1;
            s.put("step", step);
            Tensor m = (Tensor) s.get("exp_avg"), v = (Tensor) s.get("exp_avg_sq");
            // Created on first use, so amsgrad can also be switched on part-way through training.
            Tensor vmax = amsgrad ? (Tensor) s.computeIfAbsent("max_exp_avg_sq", k -> Tensor.zerosLike(p)) : null;
            if (decoupled) Fused.adamwStep(p, p.grad(), m, v, vmax, step, lr, betas[0], betas[1], weightDecay, eps, maximize);
            else Fused.adamStep(p, p.grad(), m, v, vmax, step, lr, betas[0], betas[1], weightDecay, eps, maximize);
        }
    }
}
