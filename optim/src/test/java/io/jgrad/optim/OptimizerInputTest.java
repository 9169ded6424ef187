package io.jgrad.optim;

import static io.jgrad.core.ErrorAssert.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgrad.core.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parameters and options an optimizer must refuse when it is built, not at the first step. */
class OptimizerInputTest {
    private static Tensor param() {
        return Tensor.ones(3).requiresGrad(true);
    }

    @Test
    void nonLeafTensorIsRefused() {
        Tensor x = param();
        assertError(IllegalArgumentException.class, () -> new SGD(List.of(x.mul(2)), 0.1),
                "SGD parameter group 0: can't optimize a non-leaf Tensor (parameter 0, shape [3]", "detach()");
    }

    @Test
    void nullParameterIsRefused() {
        assertError(IllegalArgumentException.class, () -> new Adam(Arrays.asList(param(), null), 0.1),
                "Adam parameter group 0: optimizer can only optimize Tensors, but parameter 1 is null");
    }

    @Test
    void nullParameterListIsRefused() {
        assertError(IllegalArgumentException.class, () -> new SGD(null, 0.1), "SGD parameter group 0: params is null");
    }

    @Test
    void parameterThatNeedsNoGradIsAcceptedAsInPyTorch() {
        Tensor frozen = Tensor.ones(2);
        SGD opt = new SGD(List.of(frozen), 0.1);
        opt.step();  // no gradient, so nothing changes
        assertEquals(2.0, frozen.sum().item());
    }

    @Test
    void optionOfTheWrongTypeIsRefused() {
        SGD opt = new SGD(List.of(param()), 0.1);
        assertError(IllegalArgumentException.class, () -> opt.addParamGroup(List.of(param()), Map.of("lr", "0.01")),
                "SGD parameter group 1: option 'lr' must be a Number; got String \"0.01\"");
    }

    @Test
    void nullOptionValueIsRefused() {
        SGD opt = new SGD(List.of(param()), 0.1);
        Map<String, Object> options = new java.util.HashMap<>();
        options.put("nesterov", null);
        assertError(IllegalArgumentException.class, () -> opt.addParamGroup(List.of(param()), options),
                "option 'nesterov' must be a Boolean; got null");
    }

    @Test
    void nullOptionsMapIsRefused() {
        SGD opt = new SGD(List.of(param()), 0.1);
        assertError(IllegalArgumentException.class, () -> opt.addParamGroup(List.of(param()), null),
                "SGD parameter group 1: options is null; pass Map.of()");
    }

    @Test
    void betasOfTheWrongLengthAreRefused() {
        Adam opt = new Adam(List.of(param()), 0.1);
        assertError(IllegalArgumentException.class,
                () -> opt.addParamGroup(List.of(param()), Map.of("betas", new double[] {0.9})),
                "option 'betas' must hold 2 values; got [0.9]");
    }
}
