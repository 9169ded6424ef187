package io.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgrad.core.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Optimizers print as PyTorch 1.13's repr (without the options jgrad lacks, such as foreach). */
class OptimizerPrintTest {
    private static List<Tensor> params() {
        return List.of(Tensor.zeros(2).requiresGrad(true));
    }

    @Test
    void adamPrintsItsGroupsAsPyTorchDoes() {
        Adam opt = new Adam(params());
        opt.addParamGroup(params(), Map.of("lr", 0.01, "weight_decay", 1e-5));
        assertEquals("""
                Adam (
                Parameter Group 0
                    amsgrad: False
                    betas: (0.9, 0.999)
                    eps: 1e-08
                    lr: 0.001
                    maximize: False
                    weight_decay: 0.0
                Parameter Group 1
                    amsgrad: False
                    betas: (0.9, 0.999)
                    eps: 1e-08
                    lr: 0.01
                    maximize: False
                    weight_decay: 1e-05
                )""", opt.toString());
    }

    @Test
    void sgdAndAdamW() {
        assertEquals("""
                SGD (
                Parameter Group 0
                    dampening: 0.0
                    lr: 0.1
                    maximize: False
                    momentum: 0.9
                    nesterov: True
                    weight_decay: 0.0
                )""", new SGD(params(), 0.1).nesterov(true).momentum(0.9).toString());
        assertEquals("AdamW (\nParameter Group 0\n    amsgrad: False\n    betas: (0.9, 0.999)\n    eps: 1e-08\n"
                + "    lr: 0.001\n    maximize: False\n    weight_decay: 0.01\n)", new AdamW(params()).toString());
    }

    @Test
    void numbersAreWrittenAsPythonWritesThem() {
        assertEquals(List.of("0.001", "0.0001", "1e-05", "1.5e-08", "100.0", "1e+16", "-2.5", "-0.0", "inf", "nan"),
                java.util.stream.DoubleStream.of(1e-3, 1e-4, 1e-5, 1.5e-8, 100, 1e16, -2.5, -0.0,
                        Double.POSITIVE_INFINITY, Double.NaN).mapToObj(Repr::number).toList());
    }

    @Test
    void schedulersPrintTheirSettingsAndRate() {
        SGD opt = new SGD(params(), 0.1);
        StepLR step = new StepLR(opt, 2, 0.5);
        step.step();
        step.step();
        assertEquals("StepLR(stepSize=2, gamma=0.5, lastEpoch=2, lr=[0.05])", step.toString());
        assertEquals("MultiStepLR(milestones=[1, 3], gamma=0.1, lastEpoch=0, lr=[0.1])",
                new MultiStepLR(new SGD(params(), 0.1), new int[] {1, 3}, 0.1).toString());
        assertEquals("ExponentialLR(gamma=0.9, lastEpoch=0, lr=[0.1])", new ExponentialLR(new SGD(params(), 0.1), 0.9).toString());
        assertEquals("CosineAnnealingLR(tMax=10, etaMin=0.0, lastEpoch=0, lr=[0.1])",
                new CosineAnnealingLR(new SGD(params(), 0.1), 10).toString());
        assertEquals("LinearLR(startFactor=0.5, endFactor=1.0, totalIters=4, lastEpoch=0, lr=[0.05])",
                new LinearLR(new SGD(params(), 0.1), 0.5, 1.0, 4).toString());
        assertEquals("ReduceLROnPlateau(mode=MIN, factor=0.1, patience=10, threshold=1.0E-4, cooldown=0, minLr=0.0, "
                + "best=Infinity, badEpochs=0, lr=[0.1])", new ReduceLROnPlateau(new SGD(params(), 0.1)).toString());
    }
}
