package io.jgrad.nn;

import static io.jgrad.core.ErrorAssert.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgrad.core.Tensor;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Initialiser ranges and state dicts that PyTorch 1.13 refuses, refused here with the values seen. */
class NnInputTest {
    @Test
    void uniformWithLowAboveHighIsRefused() {
        // torch: uniform_ expects to return a [from, to) range, but found from=1 > to=0
        assertError(IllegalArgumentException.class, () -> Init.uniform(Tensor.zeros(3), 1, 0),
                "uniform expects a [low, high) range", "found low=1.0, high=0.0", "swap the two bounds");
    }

    @Test
    void uniformWithANanOrInfiniteBoundIsRefused() {
        // torch: "from is out of bounds for float" / "to is out of bounds for float"
        assertError(IllegalArgumentException.class, () -> Init.uniform(Tensor.zeros(3), Double.NaN, 1), "low=NaN");
        assertError(IllegalArgumentException.class, () -> Init.uniform(Tensor.zeros(3), 0, Double.POSITIVE_INFINITY),
                "high=Infinity");
    }

    @Test
    void normalWithNegativeStdIsRefused() {
        // torch: normal expects std >= 0.0, but found std -1
        assertError(IllegalArgumentException.class, () -> Init.normal(Tensor.zeros(3), 0, -1),
                "normal expects std >= 0.0, but found std -1.0");
        assertError(IllegalArgumentException.class, () -> Init.normal(Tensor.zeros(3), 0, Double.NaN), "found std NaN");
    }

    @Test
    void zeroStdAndEqualBoundsAreAllowedAsInPyTorch() {
        assertEquals(6.0, Init.normal(Tensor.zeros(3), 2, 0).sum().item());
        assertEquals(3.0, Init.uniform(Tensor.zeros(3), 1, 1).sum().item());
    }

    @Test
    void loadStateDictOfNullIsRefused() {
        assertError(IllegalArgumentException.class, () -> new Linear(2, 2).loadStateDict(null, true),
                "Error(s) in loading state_dict for Linear: expected state_dict to be a Map", "got null");
    }

    @Test
    void loadStateDictWithANullValueNamesTheKey() {
        Linear m = new Linear(2, 2);
        Map<String, Tensor> state = new HashMap<>(m.stateDict());
        state.put("weight", null);
        assertError(IllegalArgumentException.class, () -> m.loadStateDict(state, false),
                "while copying the parameter named \"weight\", expected a Tensor from the checkpoint but received null");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void loadStateDictWithANonTensorValueNamesItsType() {
        Linear m = new Linear(2, 2);
        Map raw = new HashMap<>(m.stateDict());
        raw.put("bias", "zeros");
        assertError(IllegalArgumentException.class, () -> m.loadStateDict(raw, true),
                "parameter named \"bias\"", "received String zeros");
    }
}
