package io.jgrad.core;

import org.junit.jupiter.api.extension.ExtendWith;

/** {@link GradCheckTest}: gradcheck of every op, on the ND4J device. */
@ExtendWith(OnNd4j.class)
class GradCheckNd4jTest extends GradCheckTest {}
