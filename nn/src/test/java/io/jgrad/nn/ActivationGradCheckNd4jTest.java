package io.jgrad.nn;

import io.jgrad.core.OnNd4j;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ActivationGradCheckTest}: gradchecks, Dropout2d's structure and the errors, on the ND4J device. */
@ExtendWith(OnNd4j.class)
class ActivationGradCheckNd4jTest extends ActivationGradCheckTest {}
