package io.jgrad.nn.loss;

import io.jgrad.core.OnNd4j;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link LossGradCheckTest}: gradcheck of every loss, on the ND4J device. */
@ExtendWith(OnNd4j.class)
class LossGradCheckNd4jTest extends LossGradCheckTest {}
