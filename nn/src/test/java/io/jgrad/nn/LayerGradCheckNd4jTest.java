package io.jgrad.nn;

import io.jgrad.core.OnNd4j;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link LayerGradCheckTest} on the ND4J device. */
@ExtendWith(OnNd4j.class)
class LayerGradCheckNd4jTest extends LayerGradCheckTest {}
