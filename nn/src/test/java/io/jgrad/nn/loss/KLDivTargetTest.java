package io.jgrad.nn.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.core.Tensor;
import io.jgrad.nn.Reduction;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** KLDivLoss with targets that are not probabilities, against PyTorch 1.13's kl_div. */
class KLDivTargetTest {
    @RegisterExtension
    final WarningLog log = new WarningLog();

    @Test
    void negativeTargetGivesNanAndWarnsOnce() {
        // torch: kl_div(zeros(2), tensor([-0.1, 0.5]), reduction='sum') is nan
        Tensor input = Tensor.zeros(2), target = Tensor.of(-0.1, 0.5);
        for (int i = 0; i < 3; i++) assertTrue(Double.isNaN(new KLDivLoss().reduction(Reduction.SUM).apply(input, target).item()));
        List<String> warnings = log.messages();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("KLDivLoss got negative target values"), warnings.get(0));
    }

    @Test
    void zeroTargetStillContributesZero() {
        // torch: kl_div(zeros(2), tensor([0., 0.5]), reduction='none') is [0, -0.3466]
        Tensor r = new KLDivLoss().reduction(Reduction.NONE).apply(Tensor.zeros(2), Tensor.of(0.0, 0.5));
        assertEquals(0.0, r.toDoubleArray()[0]);
        assertEquals(-0.34657359, r.toDoubleArray()[1], 1e-6);
        assertTrue(log.messages().isEmpty());
    }

    @Test
    void negativeLogTargetIsFine() {
        // torch: with log_target=True a negative target is an ordinary log-probability: 0.7339
        double r = new KLDivLoss().logTarget(true).reduction(Reduction.SUM).apply(Tensor.zeros(2), Tensor.of(-0.1, 0.5)).item();
        assertEquals(0.7339, r, 1e-4);
        assertTrue(log.messages().isEmpty());
    }
}
