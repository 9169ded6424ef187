package io.jgrad.core;

import io.jgrad.core.kernel.CpuKernels;
import io.jgrad.core.kernel.Kernels;
import io.jgrad.core.kernel.Nd4jKernels;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where a tensor's storage lives and whose kernels compute with it, PyTorch's {@code torch.device}.
 *
 * <ul>
 *   <li>{@link #CPU}, the default: Java heap arrays, Java loops the JIT vectorises, OpenBLAS for
 *       products. Each op costs a fraction of a microsecond, so small networks train fastest here.
 *   <li>{@link #ND4J}: each tensor is a c-order ND4J {@code INDArray} and every op runs as ND4J
 *       operations, so {@link Tensor#nd4j()} and {@link Tensor#from(INDArray)} share memory with
 *       ND4J or DL4J code, and ND4J's CUDA backend can take the work to a GPU. Each ND4J call costs
 *       microseconds before any arithmetic, so use it for interop or large arrays.
 * </ul>
 *
 * An op's tensors must share a device, as in PyTorch; a 0-d tensor joins tensors on any device, as a
 * CPU scalar joins CUDA tensors there.
 *
 * <pre>
 * jshell> var x = Tensor.of(1, 2, 3).to(Device.ND4J);
 * jshell> x.mul(x).device()
 * $2 ==> nd4j
 * </pre>
 */
public enum Device {
    CPU("cpu", CpuKernels.INSTANCE),
    ND4J("nd4j", Nd4jKernels.INSTANCE);

    private static volatile Device defaultDevice = CPU;

    private final String name;
    private final Kernels kernels;

    Device(String name, Kernels kernels) {
        this.name = name;
        this.kernels = kernels;
    }

    Kernels kernels() {
        return kernels;
    }

    /** Where factories put new tensors ({@link Tensor#setDefaultDevice}). */
    static Device getDefault() {
        return defaultDevice;
    }

    static void setDefault(Device device) {
        Check.notNull(device, "setDefaultDevice", "device");
        defaultDevice = device;
    }

    /**
     * The device whose storage {@code data} is: the one place that tells the two apart. A heap array is
     * answered by the class's array flag, which costs less than a failed interface check.
     */
    static Device of(Object data) {
        return !data.getClass().isArray() && data instanceof INDArray ? ND4J : CPU;
    }

    /** A device by PyTorch-style name, "cpu" or "nd4j" (case-insensitive). */
    public static Device of(String name) {
        Check.notNull(name, "Device.of", "name");
        for (Device d : values()) if (d.name.equalsIgnoreCase(name.trim())) return d;
        throw new IllegalArgumentException("Device.of: unknown device '" + name + "'; expected \"cpu\" or \"nd4j\"");
    }

    @Override
    public String toString() {
        return name;
    }
}
