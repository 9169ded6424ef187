package io.jgrad.core;

import static io.jgrad.core.ErrorAssert.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The device model: moving, the same-device rule, the default device, and memory shared with ND4J. */
class DeviceTest {
    @AfterEach
    void cpuAgain() {
        Tensor.setDefaultDevice(Device.CPU);
    }

    @Test
    void movesBetweenDevicesKeepingValuesDTypeAndGradient() {
        Tensor x = Tensor.of(DType.FLOAT64, 0.1, -2, Double.NaN).requiresGrad(true);
        Tensor y = x.to(Device.ND4J);
        assertEquals(Device.ND4J, y.device());
        assertEquals(DType.FLOAT64, y.dtype());
        assertArrayEquals(x.toDoubleArray(), y.toDoubleArray());
        assertEquals("ToCopyBackward0", y.gradFn().name());
        y.mul(3.0).sum().backward();
        assertEquals(Device.CPU, x.grad().device(), "the gradient lives on its tensor's device");
        assertArrayEquals(new double[] {3, 3, 3}, x.grad().toDoubleArray());
        assertSame(y, y.to(Device.ND4J), "already there: the tensor itself, as in PyTorch");
        assertEquals(Device.CPU, y.to(Device.CPU).device());
    }

    @Test
    void operandsOnTwoDevicesAreRefusedLikePyTorch() {
        Tensor a = Tensor.ones(2, 2), b = Tensor.ones(2, 2).to(Device.ND4J);
        assertError(IllegalArgumentException.class, () -> a.add(b), "add: Expected all tensors to be on the same "
                + "device, but found at least two devices, cpu and nd4j!", "to(Device.CPU) or to(Device.ND4J)");
        assertError(IllegalArgumentException.class, () -> b.matmul(a), "Expected all tensors to be on the same device");
        assertError(IllegalArgumentException.class, () -> Tensor.cat(0, a, b), "cpu and nd4j");
        assertError(IllegalArgumentException.class, () -> Tensor.where(a.gt(0.0), a, b), "Expected all tensors");
        assertError(IllegalArgumentException.class, () -> b.addi(a), "addi: Expected all tensors to be on the same device");
        assertError(IllegalArgumentException.class, () -> a.eq(b), "eq: Expected all tensors to be on the same device");
    }

    @Test
    void aZeroDimTensorJoinsAnyDeviceAsPyTorchsCpuScalarsDo() {
        Tensor x = Tensor.of(1, 2).to(Device.ND4J).requiresGrad(true);
        Tensor s = Tensor.of(3.0).requiresGrad(true);
        Tensor y = x.mul(s);
        assertEquals(Device.ND4J, y.device());
        assertArrayEquals(new double[] {3, 6}, y.toDoubleArray());
        y.sum().backward();
        assertEquals(Device.CPU, s.grad().device());
        assertEquals(3.0, s.grad().item());
        assertEquals(Device.ND4J, x.mul(2.0).device());
        assertEquals(Device.ND4J, x.detach().addi(Tensor.of(1.0)).device());
    }

    @Test
    void factoriesFollowTheDefaultDeviceAndLikeFactoriesTheirTensor() {
        Tensor.setDefaultDevice(Device.ND4J);
        assertEquals(Device.ND4J, Tensor.getDefaultDevice());
        for (Tensor t : new Tensor[] {Tensor.of(1, 2), Tensor.zeros(2, 3), Tensor.randn(4), Tensor.arange(3),
                Tensor.fromArray(new double[] {1, 2}, 2), Tensor.eye(2), Tensor.of(new long[][] {{1}})}) {
            assertEquals(Device.ND4J, t.device(), t.toString());
        }
        Tensor.setDefaultDevice(Device.CPU);
        Tensor n = Tensor.ones(2).to(Device.ND4J);
        assertEquals(Device.ND4J, Tensor.zerosLike(n).device());
        assertEquals(Device.ND4J, Tensor.onesLike(n).device());
        assertEquals(Device.CPU, Tensor.zeros(2).device());
    }

    @Test
    void randomFactoriesDrawTheSameNumbersOnEveryDevice() {
        Tensor.manualSeed(7);
        Tensor cpu = Tensor.randn(5);
        Tensor.setDefaultDevice(Device.ND4J);
        Tensor.manualSeed(7);
        assertArrayEquals(cpu.toFloatArray(), Tensor.randn(5).toFloatArray());
    }

    @Test
    void fromWrapsAContiguousArrayWithoutACopy() {
        INDArray a = Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor t = Tensor.from(a);
        assertEquals(Device.ND4J, t.device());
        a.putScalar(0, 1, 20f);
        assertEquals(20.0, t.toDoubleArray()[1], "a write through the INDArray shows in the tensor");
        t.addi(Tensor.full(1.0, 2, 3).to(Device.ND4J));
        assertEquals(21.0, a.getDouble(0, 1), "a write through the tensor shows in the INDArray");
        assertSame(a, t.nd4j(), "same shape: the tensor's own array");
    }

    @Test
    void nd4jOfAnNd4jTensorIsItsStorageInItsShape() {
        Tensor t = Tensor.arange(6).toFloat().to(Device.ND4J).reshape(2, 3);
        INDArray view = t.nd4j();
        assertArrayEquals(new long[] {2, 3}, view.shape());
        view.muli(2);
        assertArrayEquals(new float[] {0, 2, 4, 6, 8, 10}, t.toFloatArray());
    }

    @Test
    void otherLayoutsAndTypesAreCopied() {
        INDArray m = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}});
        Tensor transposed = Tensor.from(m.transpose());
        m.putScalar(0, 1, 9.0);
        assertArrayEquals(new double[] {1, 3, 2, 4}, transposed.toDoubleArray(), "an f-order view is copied");
        Tensor ints = Tensor.from(Nd4j.createFromArray(1, 2, 3));
        assertEquals(DType.INT64, ints.dtype());
        assertEquals(DataType.LONG, ints.nd4j().dataType());
        INDArray cpu = Tensor.of(1, 2).nd4j();
        cpu.muli(10);
        assertEquals(DataType.FLOAT, cpu.dataType());
    }

    @Test
    void cpuTensorsCopyIntoNd4j() {
        Tensor t = Tensor.of(1, 2);
        t.nd4j().muli(10);
        assertArrayEquals(new float[] {1, 2}, t.toFloatArray(), "on the CPU device nd4j() is a copy");
    }

    @Test
    void printsTheDeviceAsPyTorchPrintsCuda() {
        assertEquals("tensor([1., 2.], device='nd4j')", Tensor.of(1, 2).to(Device.ND4J).toString());
        assertEquals("tensor([1., 2.], device='nd4j', dtype=float64, requires_grad=True)",
                Tensor.of(DType.FLOAT64, 1, 2).to(Device.ND4J).requiresGrad(true).toString());
    }

    @Test
    void badDeviceArgumentsSayWhatIsExpected() {
        assertEquals(Device.ND4J, Device.of(" ND4J "));
        assertError(IllegalArgumentException.class, () -> Device.of("cuda"), "Device.of: unknown device 'cuda'",
                "expected \"cpu\" or \"nd4j\"");
        assertError(NullPointerException.class, () -> Tensor.of(1).to((Device) null), "to", "device");
        assertError(NullPointerException.class, () -> Tensor.setDefaultDevice(null), "setDefaultDevice", "device");
        assertTrue(Tensor.getDefaultDevice() == Device.CPU);
    }
}
