package io.jgrad.nn.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.jgrad.core.Tensor;
import io.jgrad.nn.Reduction;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** KLDivLoss with targets that are not probabilities, against PyTorch 1.13's kl_div. */
class KLDivTargetTest {
    private ListAppender<ILoggingEvent> log;

    @BeforeEach
    void captureWarnings() {
        log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger("io.jgrad.nn")).addAppender(log);
    }

    @AfterEach
    void release() {
        ((Logger) LoggerFactory.getLogger("io.jgrad.nn")).detachAppender(log);
    }

    @Test
    void negativeTargetGivesNanAndWarnsOnce() {
        // torch: kl_div(zeros(2), tensor([-0.1, 0.5]), reduction='sum') is nan
        Tensor input = Tensor.zeros(2), target = Tensor.of(-0.1, 0.5);
        for (int i = 0; i < 3; i++) assertTrue(Double.isNaN(new KLDivLoss().reduction(Reduction.SUM).apply(input, target).item()));
        List<String> warnings = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("KLDivLoss got negative target values"), warnings.get(0));
    }

    @Test
    void zeroTargetStillContributesZero() {
        // torch: kl_div(zeros(2), tensor([0., 0.5]), reduction='none') is [0, -0.3466]
        Tensor r = new KLDivLoss().reduction(Reduction.NONE).apply(Tensor.zeros(2), Tensor.of(0.0, 0.5));
        assertEquals(0.0, r.toDoubleArray()[0]);
        assertEquals(-0.34657359, r.toDoubleArray()[1], 1e-6);
        assertTrue(log.list.isEmpty());
    }

    @Test
    void negativeLogTargetIsFine() {
        // torch: with log_target=True a negative target is an ordinary log-probability: 0.7339
        double r = new KLDivLoss().logTarget(true).reduction(Reduction.SUM).apply(Tensor.zeros(2), Tensor.of(-0.1, 0.5)).item();
        assertEquals(0.7339, r, 1e-4);
        assertTrue(log.list.isEmpty());
    }
}
