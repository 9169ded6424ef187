package io.jgrad.optim;

import static io.jgrad.core.ErrorAssert.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgrad.core.DType;
import io.jgrad.core.Tensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** State dicts that do not fit: named at load time, with the key, the type or shape seen and the one expected. */
class StateDictInputTest {
    private static Tensor param(int... shape) {
        return Tensor.ones(shape).requiresGrad(true);
    }

    /** An SGD with momentum after one step, so its state holds a momentum buffer shaped like {@code p}. */
    private static Map<String, Object> trainedState(Tensor p) {
        SGD opt = new SGD(List.of(p), 0.1).momentum(0.9);
        p.mul(p).sum().backward();
        opt.step();
        return opt.stateDict();
    }

    @Test
    void nullStateDictIsRefused() {
        SGD opt = new SGD(List.of(param(2)), 0.1);
        assertError(IllegalArgumentException.class, () -> opt.loadStateDict(null), "SGD.loadStateDict: state dict is null");
    }

    @Test
    void missingKeyIsNamed() {
        SGD opt = new SGD(List.of(param(2)), 0.1);
        Map<String, Object> saved = new HashMap<>(opt.stateDict());
        saved.remove("state");
        assertError(IllegalArgumentException.class, () -> opt.loadStateDict(saved),
                "SGD.loadStateDict: missing key 'state' (a Map)", "[param_groups]");
    }

    @Test
    void nullValueIsNamed() {
        SGD opt = new SGD(List.of(param(2)), 0.1);
        Map<String, Object> saved = new HashMap<>(opt.stateDict());
        saved.put("param_groups", null);
        assertError(IllegalArgumentException.class, () -> opt.loadStateDict(saved),
                "SGD.loadStateDict: key 'param_groups' must be a List; got null");
    }

    @Test
    void wronglyTypedGroupOptionIsNamed() {
        SGD opt = new SGD(List.of(param(2)), 0.1);
        Map<String, Object> saved = opt.stateDict();
        @SuppressWarnings("unchecked")
        Map<String, Object> group = ((List<Map<String, Object>>) saved.get("param_groups")).get(0);
        group.put("momentum", "0.9");
        assertError(IllegalArgumentException.class, () -> opt.loadStateDict(saved),
                "param_groups[0]: option 'momentum' must be a Number; got String \"0.9\"");
        assertEquals(0.0, opt.paramGroups().get(0).number("momentum"), "nothing loaded");
    }

    @Test
    void stateFromADifferentlyShapedModelIsRefusedAtLoad() {
        Map<String, Object> saved = trainedState(param(2, 4));
        SGD opt = new SGD(List.of(param(2, 3)), 0.1).momentum(0.9);
        assertError(IllegalArgumentException.class, () -> opt.loadStateDict(saved),
                "state 'momentum_buffer' of group 0 parameter 0 has shape [2, 4]", "parameter has shape [2, 3]");
    }

    @Test
    void stateOfAnotherDtypeIsRefusedAtLoad() {
        Map<String, Object> saved = trainedState(param(3));
        SGD opt = new SGD(List.of(Tensor.ones(DType.FLOAT64, 3).requiresGrad(true)), 0.1).momentum(0.9);
        assertError(IllegalArgumentException.class, () -> opt.loadStateDict(saved), "dtype float32 but the parameter has shape [3] and dtype float64");
    }

    @Test
    void schedulerWithUnknownKeysNamesTheMissingOne() {
        StepLR sched = new StepLR(new SGD(List.of(param(2)), 0.1), 2, 0.5);
        assertError(IllegalArgumentException.class, () -> sched.loadStateDict(Map.of("foo", 1)),
                "StepLR.loadStateDict: missing key 'last_epoch' (a Integer); the map has keys [foo]");
    }

    @Test
    void schedulerWithAWronglyTypedValueNamesIt() {
        StepLR sched = new StepLR(new SGD(List.of(param(2)), 0.1), 2, 0.5);
        assertError(IllegalArgumentException.class,
                () -> sched.loadStateDict(Map.of("last_epoch", "3", "base_lrs", List.of(0.1))),
                "StepLR.loadStateDict: key 'last_epoch' must be a Integer; got String \"3\"");
    }

    @Test
    void schedulerWithTooManyBaseRatesIsRefused() {
        StepLR sched = new StepLR(new SGD(List.of(param(2)), 0.1), 2, 0.5);
        assertError(IllegalArgumentException.class,
                () -> sched.loadStateDict(Map.of("last_epoch", 3, "base_lrs", List.of(0.1, 0.2))),
                "'base_lrs' holds 2 rates but the optimizer has 1 parameter groups");
    }

    @Test
    void nullSchedulerStateIsRefused() {
        StepLR sched = new StepLR(new SGD(List.of(param(2)), 0.1), 2, 0.5);
        assertError(IllegalArgumentException.class, () -> sched.loadStateDict(null), "state dict is null");
    }

    @Test
    void plateauStateIsChecked() {
        ReduceLROnPlateau sched = new ReduceLROnPlateau(new SGD(List.of(param(2)), 0.1));
        assertError(IllegalArgumentException.class,
                () -> sched.loadStateDict(Map.of("best", 1, "num_bad_epochs", 0, "cooldown_counter", 0)),
                "ReduceLROnPlateau.loadStateDict: key 'best' must be a Double; got Integer 1");
    }

    @Test
    void adamStateWithoutItsMomentsIsRefusedAtLoad() {
        Tensor p = param(2);
        Adam opt = new Adam(List.of(p), 0.1);
        p.mul(p).sum().backward();
        opt.step();
        Map<String, Object> saved = opt.stateDict();
        @SuppressWarnings("unchecked")
        Map<Integer, Map<String, Object>> state = (Map<Integer, Map<String, Object>>) saved.get("state");
        state.get(0).remove("exp_avg");
        assertError(IllegalArgumentException.class, () -> new Adam(List.of(param(2)), 0.1).loadStateDict(saved),
                "Adam.loadStateDict: state of group 0 parameter 0: missing key 'exp_avg'");
    }

    @Test
    void aWronglyTypedOptionPutIntoALiveGroupIsNamedAtTheStep() {
        Tensor p = param(2);
        SGD opt = new SGD(List.of(p), 0.1);
        opt.paramGroups().get(0).options().put("lr", "0.01");
        p.mul(p).sum().backward();
        assertError(IllegalStateException.class, opt::step, "param group option 'lr' is String 0.01; expected a number");
    }
}
