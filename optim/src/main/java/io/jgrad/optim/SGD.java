package io.jgrad.optim;

import io.jgrad.core.Fused;
import io.jgrad.core.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stochastic gradient descent with optional momentum, PyTorch's {@code torch.optim.SGD}, step for step:
 * <pre>
 *   g = ∇ (negated when maximize);  g += weightDecay·p
 *   buf = g on the first step, else momentum·buf + (1 - dampening)·g
 *   g = nesterov ? g + momentum·buf : buf
 *   p -= lr·g
 * </pre>
 * <pre>
 * jshell> var model = new Linear(4, 2);
 * jshell> var opt = new SGD(model.parameters(), 0.1).momentum(0.9).nesterov(true);
 * </pre>
 */
public class SGD extends Optimizer {
    public SGD(Iterable<Tensor> params, double lr) {
        super(params, defaults(lr));
    }

    private static Map<String, Object> defaults(double lr) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("momentum", 0.0);
        d.put("dampening", 0.0);
        d.put("weight_decay", 0.0);
        d.put("nesterov", false);
        d.put("maximize", false);
        return d;
    }

    public SGD momentum(double momentum) {
        set("momentum", momentum);
        return this;
    }

    public SGD dampening(double dampening) {
        set("dampening", dampening);
        return this;
    }

    public SGD weightDecay(double weightDecay) {
        set("weight_decay", weightDecay);
        return this;
    }

    /** Nesterov momentum; needs momentum > 0 and dampening 0, checked by step() so setters may come in any order. */
    public SGD nesterov(boolean nesterov) {
        set("nesterov", nesterov);
        return this;
    }

    public SGD maximize(boolean maximize) {
        set("maximize", maximize);
        return this;
    }

    @Override
    protected void validate(ParamGroup g) {
        require(g.lr() >= 0, "Invalid learning rate: " + g.lr());
        require(g.number("momentum") >= 0, "Invalid momentum value: " + g.number("momentum"));
        require(g.number("weight_decay") >= 0, "Invalid weight_decay value: " + g.number("weight_decay"));
    }

    @Override
    protected void validateCombination(ParamGroup g) {
        require(!g.flag("nesterov") || g.number("momentum") > 0 && g.number("dampening") == 0,
                "Nesterov momentum requires a momentum and zero dampening (got momentum " + g.number("momentum")
                        + ", dampening " + g.number("dampening") + ")");
    }

    @Override
    protected void update(ParamGroup group) {
        double lr = group.lr(), momentum = group.number("momentum"), dampening = group.number("dampening");
        double weightDecay = group.number("weight_decay");
        boolean nesterov = group.flag("nesterov"), maximize = group.flag("maximize");
        for (Tensor p : group.params()) {
            if (p.grad() == null) continue;
            Tensor buf = null;
            boolean first = false;
            if (momentum != 0) {
                Map<String, Object> s = stateOf(p);
                buf = (Tensor) s.get("momentum_buffer");
                if (buf == null) {
                    buf = Tensor.zerosLike(p);
                    s.put("momentum_buffer", buf);
                    first = true;
                }
            }
            Fused.sgdStep(p, p.grad(), buf, weightDecay, momentum, lr, dampening, nesterov, maximize, first);
        }
    }
}
