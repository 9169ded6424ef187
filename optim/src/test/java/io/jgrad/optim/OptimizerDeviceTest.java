package io.jgrad.optim;

import static io.jgrad.core.ErrorAssert.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jgrad.core.Device;
import io.jgrad.core.Tensor;
import io.jgrad.nn.Linear;
import io.jgrad.nn.loss.MSELoss;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Training on the ND4J device: parameters stay the same objects, state lives beside them, and both devices agree. */
class OptimizerDeviceTest {
    private static float[] trainThreeSteps(Device device) {
        Tensor.manualSeed(3);
        Linear layer = new Linear(3, 2);
        layer.to(device);
        Tensor weight = layer.weight;
        Adam adam = new Adam(layer.parameters(), 0.1);
        Tensor x = Tensor.randn(4, 3).to(device), y = Tensor.randn(4, 2).to(device);
        for (int i = 0; i < 3; i++) {
            adam.zeroGrad();
            new MSELoss().apply(layer.apply(x), y).backward();
            adam.step();
        }
        assertSame(weight, layer.weight, "Module.to keeps each parameter the same object");
        assertEquals(device, layer.weight.device());
        assertEquals(device, layer.weight.grad().device());
        return layer.weight.toFloatArray();
    }

    @Test
    void adamOnNd4jFollowsTheCpuTrajectory() {
        float[] cpu = trainThreeSteps(Device.CPU), nd4j = trainThreeSteps(Device.ND4J);
        for (int i = 0; i < cpu.length; i++) assertEquals(cpu[i], nd4j[i], 1e-5 * Math.max(1, Math.abs(cpu[i])));
    }

    @Test
    void loadedStateMovesToTheParametersDevice() {
        Linear layer = new Linear(2, 1);
        SGD sgd = new SGD(layer.parameters(), 0.1).momentum(0.9);
        new MSELoss().apply(layer.apply(Tensor.ones(1, 2)), Tensor.ones(1, 1)).backward();
        sgd.step();
        Map<String, Object> saved = sgd.stateDict();
        layer.to(Device.ND4J);
        SGD moved = new SGD(layer.parameters(), 0.1).momentum(0.9);
        moved.loadStateDict(saved);
        Map<?, ?> state = (Map<?, ?>) ((Map<?, ?>) moved.stateDict().get("state")).get(0);
        assertEquals(Device.ND4J, ((Tensor) state.get("momentum_buffer")).device(), "as PyTorch's load_state_dict casts");
        assertEquals(Device.ND4J, layer.weight.grad().device(), "Module.to moves the gradient along");
        moved.zeroGrad();
        new MSELoss().apply(layer.apply(Tensor.ones(1, 2).to(Device.ND4J)), Tensor.ones(1, 1).to(Device.ND4J)).backward();
        moved.step();
        assertEquals(Device.ND4J, layer.weight.device());
    }

    @Test
    void stateOnAnotherDeviceIsRefusedWithTheFix() {
        Linear layer = new Linear(2, 1);
        Adam adam = new Adam(layer.parameters(), 0.1);
        new MSELoss().apply(layer.apply(Tensor.ones(1, 2)), Tensor.ones(1, 1)).backward();
        adam.step();  // state made on the CPU
        layer.to(Device.ND4J);
        new MSELoss().apply(layer.apply(Tensor.ones(1, 2).to(Device.ND4J)), Tensor.ones(1, 1).to(Device.ND4J)).backward();
        assertError(IllegalArgumentException.class, adam::step, "Expected all tensors to be on the same device",
                "expAvg is on cpu and param on nd4j", "Module.to(device)");
        assertArrayEquals(new int[] {1, 2}, layer.weight.shape());
    }
}
