package io.jgrad.core.kernel;

import static io.jgrad.core.kernel.KernelAgreement.CPU;
import static io.jgrad.core.kernel.KernelAgreement.ND;
import static io.jgrad.core.kernel.KernelAgreement.dev;
import static org.bytedeco.openblas.global.openblas.blas_get_num_threads;
import static org.bytedeco.openblas.global.openblas.blas_set_num_threads;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The process has one OpenBLAS, shared by the CPU device's products and ND4J's: each device sets its
 * thread count before its own products, whatever the other (or ND4J's backend as it starts) left.
 */
class GemmBlasThreadsTest {
    @Test
    void eachDeviceSetsOpenBlasThreadsForItsProducts() {
        float[] a = new float[64 * 64];
        for (int i = 0; i < a.length; i++) a[i] = i % 7 - 3;
        CPU.matmul(false, false, 1, 64, 64, 64, a, false, 1, a, false, 1);  // Gemm loaded: its static setting is done
        blas_set_num_threads(2);  // as ND4J's backend does when it starts, on a 2-core machine
        CPU.matmul(false, false, 1, 64, 64, 64, a, false, 1, a, false, 1);
        assertEquals(1, blas_get_num_threads(), "the CPU device's team runs the blocks on a single-threaded OpenBLAS");
        ND.matmul(false, false, 1, 64, 64, 64, dev(a), false, 1, dev(a), false, 1);
        assertEquals(Parallel.numThreads(), blas_get_num_threads(), "ND4J's products get the intra-op thread count");
        CPU.matmul(false, false, 1, 64, 64, 64, a, false, 1, a, false, 1);
        assertEquals(1, blas_get_num_threads());
    }
}
