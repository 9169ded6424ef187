package io.jgrad.nn.loss;

import io.jgrad.core.OnNd4j;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link TernaryLossGradCheckTest}: the gradchecks of the three-tensor losses, on the ND4J device. */
@ExtendWith(OnNd4j.class)
class TernaryLossGradCheckNd4jTest extends TernaryLossGradCheckTest {}
