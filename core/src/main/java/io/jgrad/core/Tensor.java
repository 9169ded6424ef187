package io.jgrad.core;

import io.jgrad.core.kernel.Buffers;
import io.jgrad.core.kernel.Elementwise.Binary;
import io.jgrad.core.kernel.Elementwise.Compare;
import io.jgrad.core.kernel.Parallel;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An n-dimensional array that records the operations applied to it, so {@link #backward()} can
 * compute gradients: PyTorch's {@code torch.Tensor} for Java. Each method is a one-line delegation
 * to an op class (forward and backward side by side) or a kernel.
 *
 * <pre>
 * jshell> var x = Tensor.of(1, 2, 3).requiresGrad(true);
 * jshell> var y = x.mul(x).sum();
 * y ==> tensor(14., grad_fn=&lt;SumBackward0&gt;)
 * jshell> y.backward(); x.grad()
 * $3 ==> tensor([2., 4., 6.])
 * </pre>
 *
 * Data is contiguous and row-major in a Java array; {@link #reshape}, {@link #view}, {@link #squeeze},
 * {@link #unsqueeze}, {@link #flatten} and {@link #detach} share it, other shape ops copy.
 */
public final class Tensor {
    /** Replaced only by {@link #setData}, PyTorch's {@code t.data = other}. */
    Storage storage;
    private final int[] shape;
    private DType dtype;
    private boolean requiresGrad;
    private Op gradFn;
    private Tensor grad;
    /** Whether a later backward may add into {@link #grad} in place: false only for one adopted from an op. */
    private boolean gradOwned;

    Tensor(Object data, int[] shape) {
        this(new Storage(data), shape);
    }

    Tensor(Storage storage, int[] shape) {
        this.storage = storage;
        this.shape = shape;
        this.dtype = DType.of(storage.data, storage.device);
    }

    // --- creation ---

    /**
     * A 0-dimensional float32 tensor; {@link #of(double, DType)} for another dtype.
     * <pre>
     * jshell> Tensor.of(2.5)
     * $1 ==> tensor(2.5000)
     * </pre>
     */
    public static Tensor of(double value) {
        return Creation.scalar(value, DType.FLOAT32);
    }

    /**
     * A 0-dimensional tensor of {@code dtype}, like {@code torch.tensor(0.1, dtype=torch.float64)}.
     * <pre>
     * jshell> Tensor.of(0.1, DType.FLOAT64).item()
     * $1 ==> 0.1
     * </pre>
     */
    public static Tensor of(double value, DType dtype) {
        return Creation.scalar(value, dtype);
    }

    /**
     * A 1-D float32 tensor, PyTorch's default dtype: {@code Tensor.of(1, 0, 1)}. Long literals land here
     * too ({@code Tensor.of(1L, 2L)} is float32, Java widening long to float): write
     * {@code Tensor.of(new long[] {1, 2})} for int64.
     * <pre>
     * jshell> Tensor.of(1, 0, 1)
     * $1 ==> tensor([1., 0., 1.])
     * jshell> Tensor.of(1L, 2L).dtype()
     * $2 ==> float32
     * </pre>
     */
    public static Tensor of(float... values) {
        return Creation.vector(values);
    }

    /**
     * A 1-D float32 tensor; call {@link #toDouble()} for float64.
     * <pre>
     * jshell> Tensor.of(0.1, 0.2)
     * $1 ==> tensor([0.1000, 0.2000])
     * </pre>
     */
    public static Tensor of(double... values) {
        return Creation.vector(values);
    }

    /**
     * A 2-D float32 tensor from rectangular rows.
     * <pre>
     * jshell> Tensor.of(new double[][] {{1, 2}, {3, 4}})
     * $1 ==> tensor([[1., 2.],
     *         [3., 4.]])
     * </pre>
     */
    public static Tensor of(double[][] rows) {
        return Creation.of(rows, DType.FLOAT32);
    }

    /**
     * A 2-D tensor of {@code dtype} from rectangular rows.
     * <pre>
     * jshell> Tensor.of(new double[][] {{0.1, 0.2}, {0.3, 0.4}}, DType.FLOAT64).dtype()
     * $1 ==> float64
     * </pre>
     */
    public static Tensor of(double[][] rows, DType dtype) {
        return Creation.of(rows, dtype);
    }

    /**
     * A 1-D int64 tensor, e.g. class indices: {@code Tensor.of(new long[] {3, 0, 1})}.
     * <pre>
     * jshell> Tensor.of(new long[] {3, 0, 1})
     * $1 ==> tensor([3, 0, 1])
     * </pre>
     */
    public static Tensor of(long[] values) {
        return Creation.vector(values);
    }

    /**
     * A 1-D int64 tensor from Java ints.
     * <pre>
     * jshell> Tensor.of(new int[] {3, 0, 1})
     * $1 ==> tensor([3, 0, 1])
     * </pre>
     */
    public static Tensor of(int[] values) {
        return Creation.vector(values);
    }

    /**
     * A 2-D int64 tensor from rectangular rows.
     * <pre>
     * jshell> Tensor.of(new long[][] {{1, 2}, {3, 4}})
     * $1 ==> tensor([[1, 2],
     *         [3, 4]])
     * </pre>
     */
    public static Tensor of(long[][] rows) {
        return Creation.of(rows, DType.INT64);
    }

    /**
     * A 2-D tensor of {@code dtype} from rectangular rows of longs.
     * <pre>
     * jshell> Tensor.of(new long[][] {{1, 2}, {3, 4}}, DType.FLOAT64)
     * $1 ==> tensor([[1., 2.],
     *         [3., 4.]], dtype=float64)
     * </pre>
     */
    public static Tensor of(long[][] rows, DType dtype) {
        return Creation.of(rows, dtype);
    }

    /**
     * A 1-D bool tensor: {@code Tensor.of(true, false)}.
     * <pre>
     * jshell> Tensor.of(true, false)
     * $1 ==> tensor([ True, False])
     * </pre>
     */
    public static Tensor of(boolean... values) {
        return Creation.vector(values);
    }

    /**
     * A 1-D tensor of the given dtype: {@code Tensor.of(DType.FLOAT64, 0.1, 0.2)} keeps every double bit.
     * <pre>
     * jshell> Tensor.of(DType.FLOAT64, 0.1, 0.2).toDoubleArray()
     * $1 ==> double[2] { 0.1, 0.2 }
     * </pre>
     */
    public static Tensor of(DType dtype, double... values) {
        return Creation.vector(dtype, values);
    }

    /**
     * A tensor over a copy of a Java array with the given shape; the dtype follows the array type
     * (double[] gives float64), as {@code torch.from_numpy} follows the NumPy dtype.
     * <pre>
     * jshell> Tensor.fromArray(new long[] {1, 2, 3, 4, 5, 6}, 2, 3)
     * $1 ==> tensor([[1, 2, 3],
     *         [4, 5, 6]])
     * </pre>
     */
    public static Tensor fromArray(Object data, int... shape) {
        return Creation.fromArray(data, shape);
    }

    /**
     * Zeros of {@code shape} in float32; {@link #zeros(DType, int...)} for another dtype.
     * <pre>
     * jshell> Tensor.zeros(2, 3)
     * $1 ==> tensor([[0., 0., 0.],
     *         [0., 0., 0.]])
     * </pre>
     */
    public static Tensor zeros(int... shape) {
        return Creation.full("zeros", 0, DType.FLOAT32, shape);
    }

    /**
     * Zeros of {@code shape} in {@code dtype}.
     * <pre>
     * jshell> Tensor.zeros(DType.INT64, 3)
     * $1 ==> tensor([0, 0, 0])
     * </pre>
     */
    public static Tensor zeros(DType dtype, int... shape) {
        return Creation.full("zeros", 0, dtype, shape);
    }

    /**
     * Ones of {@code shape} in float32; {@link #ones(DType, int...)} for another dtype.
     * <pre>
     * jshell> Tensor.ones(2)
     * $1 ==> tensor([1., 1.])
     * jshell> Tensor.ones(DType.BOOL, 2)
     * $2 ==> tensor([True, True])
     * </pre>
     */
    public static Tensor ones(int... shape) {
        return Creation.full("ones", 1, DType.FLOAT32, shape);
    }

    public static Tensor ones(DType dtype, int... shape) {
        return Creation.full("ones", 1, dtype, shape);
    }

    /**
     * {@code value} everywhere in a float32 tensor of {@code shape}; {@link #full(double, DType, int...)} for another
     * dtype.
     * <pre>
     * jshell> Tensor.full(0.5, 2, 2)
     * $1 ==> tensor([[0.5000, 0.5000],
     *         [0.5000, 0.5000]])
     * jshell> Tensor.full(7, DType.INT64, 3)
     * $2 ==> tensor([7, 7, 7])
     * </pre>
     */
    public static Tensor full(double value, int... shape) {
        return full(value, DType.FLOAT32, shape);
    }

    public static Tensor full(double value, DType dtype, int... shape) {
        return Creation.full("full", value, dtype, shape);
    }

    /**
     * Uninitialised in PyTorch; zero-filled here, since a Java array always is.
     * <pre>
     * jshell> Tensor.empty(2)
     * $1 ==> tensor([0., 0.])
     * </pre>
     */
    public static Tensor empty(int... shape) {
        return Creation.full("empty", 0, DType.FLOAT32, shape);
    }

    /**
     * Zeros of {@code t}'s shape, dtype and device.
     * <pre>
     * jshell> Tensor.zerosLike(Tensor.of(new long[] {5, 6}))
     * $1 ==> tensor([0, 0])
     * </pre>
     */
    public static Tensor zerosLike(Tensor t) {
        return Creation.fullLike(t, 0);
    }

    /**
     * Ones of {@code t}'s shape, dtype and device.
     * <pre>
     * jshell> Tensor.onesLike(Tensor.of(2.5, 3.5))
     * $1 ==> tensor([1., 1.])
     * </pre>
     */
    public static Tensor onesLike(Tensor t) {
        return Creation.fullLike(t, 1);
    }

    /**
     * 0, 1, ..., end - 1 as int64.
     * <pre>
     * jshell> Tensor.arange(5)
     * $1 ==> tensor([0, 1, 2, 3, 4])
     * jshell> Tensor.arange(2, 5)
     * $2 ==> tensor([2, 3, 4])
     * jshell> Tensor.arange(0, 10, 3)
     * $3 ==> tensor([0, 3, 6, 9])
     * </pre>
     */
    public static Tensor arange(long end) {
        return arange(0, end);
    }

    public static Tensor arange(long start, long end) {
        return arange(start, end, 1);
    }

    public static Tensor arange(long start, long end, long step) {
        return Creation.arange(start, end, step, DType.INT64);
    }

    /**
     * start, start + step, ... below end, as float32.
     * <pre>
     * jshell> Tensor.arange(0, 1, 0.25)
     * $1 ==> tensor([0.0000, 0.2500, 0.5000, 0.7500])
     * </pre>
     */
    public static Tensor arange(double start, double end, double step) {
        return Creation.arange(start, end, step, DType.FLOAT32);
    }

    /**
     * {@code steps} float32 values evenly spaced from {@code start} to {@code end}, both included.
     * <pre>
     * jshell> Tensor.linspace(0, 1, 5)
     * $1 ==> tensor([0.0000, 0.2500, 0.5000, 0.7500, 1.0000])
     * </pre>
     */
    public static Tensor linspace(double start, double end, int steps) {
        return Creation.linspace(start, end, steps);
    }

    /**
     * The n×n identity matrix in float32; {@link #eye(int, int)} for n×m.
     * <pre>
     * jshell> Tensor.eye(2)
     * $1 ==> tensor([[1., 0.],
     *         [0., 1.]])
     * jshell> Tensor.eye(2, 3)
     * $2 ==> tensor([[1., 0., 0.],
     *         [0., 1., 0.]])
     * </pre>
     */
    public static Tensor eye(int n) {
        return eye(n, n);
    }

    public static Tensor eye(int n, int m) {
        return Creation.eye(n, m);
    }

    /**
     * Uniform in [0, 1) from the global generator (see {@link #manualSeed}).
     * <pre>
     * jshell> Tensor.manualSeed(0); Tensor.rand(3)
     * $2 ==> tensor([0.8833, 0.4315, 0.0264])
     * </pre>
     */
    public static Tensor rand(int... shape) {
        return rand(Generator.global(), shape);
    }

    /**
     * Uniform in [0, 1) from {@code g}, leaving the global generator alone.
     * <pre>
     * jshell> Tensor.rand(new Generator(0), 3)
     * $1 ==> tensor([0.8833, 0.4315, 0.0264])
     * </pre>
     */
    public static Tensor rand(Generator g, int... shape) {
        return Creation.random(shape, g::nextUniform);
    }

    /**
     * Standard normal from the global generator.
     * <pre>
     * jshell> Tensor.manualSeed(0); Tensor.randn(3)
     * $2 ==> tensor([-0.2827,  0.4685,  0.0996])
     * </pre>
     */
    public static Tensor randn(int... shape) {
        return randn(Generator.global(), shape);
    }

    /**
     * Standard normal from {@code g}.
     * <pre>
     * jshell> Tensor.randn(new Generator(0), 3)
     * $1 ==> tensor([-0.2827,  0.4685,  0.0996])
     * </pre>
     */
    public static Tensor randn(Generator g, int... shape) {
        return Creation.random(shape, g::nextGaussian);
    }

    /**
     * Uniform int64 in [low, high).
     * <pre>
     * jshell> Tensor.manualSeed(0); Tensor.randint(0, 10, 5)
     * $2 ==> tensor([7, 0, 9, 2, 3])
     * </pre>
     */
    public static Tensor randint(long low, long high, int... shape) {
        return randint(Generator.global(), low, high, shape);
    }

    /**
     * Uniform int64 in [low, high) from {@code g}.
     * <pre>
     * jshell> Tensor.randint(new Generator(0), 0, 10, 5)
     * $1 ==> tensor([7, 0, 9, 2, 3])
     * </pre>
     */
    public static Tensor randint(Generator g, long low, long high, int... shape) {
        return Creation.randint(g, low, high, shape);
    }

    /**
     * Reseeds the global generator, like {@code torch.manual_seed}: runs repeat for a seed, but the
     * numbers drawn differ from PyTorch's for the same seed (jgrad's generator is not PyTorch's).
     * <pre>
     * jshell> Tensor.manualSeed(42); var a = Tensor.rand(2);
     * jshell> Tensor.manualSeed(42); Tensor.rand(2).eq(a)
     * $4 ==> tensor([True, True])
     * </pre>
     */
    public static void manualSeed(long seed) {
        Generator.global().manualSeed(seed);
    }

    /**
     * Sets the device factories create tensors on ({@code of}, {@code zeros}, {@code randn},
     * {@code fromArray}, ...), PyTorch's {@code torch.set_default_device}; {@link Device#CPU} at start.
     * Results of ops stay on their operands' device whatever the default.
     * <pre>
     * jshell> Tensor.setDefaultDevice(Device.ND4J); var x = Tensor.zeros(2);
     * jshell> Tensor.setDefaultDevice(Device.CPU); x.device()
     * $3 ==> nd4j
     * </pre>
     */
    public static void setDefaultDevice(Device device) {
        Device.setDefault(device);
    }

    /** The device factories create tensors on. */
    public static Device getDefaultDevice() {
        return Device.getDefault();
    }

    /**
     * Sets how many threads large kernels and matrix products use, like {@code torch.set_num_threads}.
     * The default is the number of processors, or {@code OMP_NUM_THREADS} when set. Results do not
     * depend on it: work is split by size, not by thread, so every setting gives the same bits.
     * <pre>
     * jshell> var threads = Tensor.getNumThreads();
     * jshell> Tensor.setNumThreads(1); Tensor.getNumThreads()
     * $3 ==> 1
     * jshell> Tensor.setNumThreads(threads);
     * </pre>
     */
    public static void setNumThreads(int threads) {
        Parallel.setNumThreads(threads);
    }

    /** The threads large kernels and matrix products use, like {@code torch.get_num_threads}. */
    public static int getNumThreads() {
        return Parallel.numThreads();
    }

    /**
     * An ND4J array as a tensor on {@link Device#ND4J}, without a copy when the array is c-order and
     * contiguous (views included) and FLOAT, DOUBLE, LONG or BOOL: the tensor and the array then share
     * memory, so a write through either shows in the other. Other layouts are copied, and INT, SHORT,
     * BYTE and UBYTE become int64 copies. A write made through the INDArray is invisible to autograd's
     * version counter: do not change an array whose tensor was saved for backward.
     * <pre>
     * jshell> var a = Nd4j.createFromArray(1f, 2f, 3f);
     * jshell> var t = Tensor.from(a); a.putScalar(0, 10f); t
     * t ==> tensor([10.,  2.,  3.], device='nd4j')
     * </pre>
     */
    public static Tensor from(INDArray array) {
        return Creation.from(array);
    }

    /**
     * This tensor as an ND4J array of its shape. On {@link Device#ND4J} it is the tensor's own storage
     * (a view when the shape differs), so writes through either show in the other; jgrad's in-place ops
     * bump the version counter, writes through the INDArray cannot. On the CPU device it is a copy.
     * <pre>
     * jshell> var t = Tensor.of(1, 2, 3).to(Device.ND4J);
     * jshell> t.nd4j().muli(2); t
     * t ==> tensor([2., 4., 6.], device='nd4j')
     * </pre>
     */
    public INDArray nd4j() {
        return Creation.nd4j(this);
    }

    // --- properties ---

    /**
     * The size of each dim (a copy).
     * <pre>
     * jshell> Tensor.zeros(2, 3).shape()
     * $1 ==> int[2] { 2, 3 }
     * </pre>
     */
    public int[] shape() {
        return shape.clone();
    }

    /**
     * The size of {@code dim}; negative dims count from the end.
     * <pre>
     * jshell> Tensor.zeros(2, 3).size(-1)
     * $1 ==> 3
     * </pre>
     */
    public int size(int dim) {
        return Ops.size(this, dim);
    }

    /**
     * The number of dims: 0 for a scalar tensor.
     * <pre>
     * jshell> Tensor.zeros(2, 3).dim()
     * $1 ==> 2
     * </pre>
     */
    public int dim() {
        return shape.length;
    }

    /**
     * The number of elements.
     * <pre>
     * jshell> Tensor.zeros(2, 3).numel()
     * $1 ==> 6
     * </pre>
     */
    public int numel() {
        return kernels().length(storage.data);
    }

    /**
     * The element type.
     * <pre>
     * jshell> Tensor.arange(3).dtype()
     * $1 ==> int64
     * </pre>
     */
    public DType dtype() {
        return dtype;
    }

    // --- conversion ---

    /**
     * The single value of a one-element tensor.
     * <pre>
     * jshell> Tensor.of(1, 2, 3).sum().item()
     * $1 ==> 6.0
     * </pre>
     */
    public double item() {
        return Ops.item(this);
    }

    /**
     * The elements in row-major order as doubles (a copy).
     * <pre>
     * jshell> Tensor.of(new double[][] {{1, 2}, {3, 4}}).toDoubleArray()
     * $1 ==> double[4] { 1.0, 2.0, 3.0, 4.0 }
     * </pre>
     */
    public double[] toDoubleArray() {
        return Buffers.toDoubles(host());
    }

    /**
     * The elements in row-major order as floats (a copy).
     * <pre>
     * jshell> Tensor.arange(3).toFloatArray()
     * $1 ==> float[3] { 0.0, 1.0, 2.0 }
     * </pre>
     */
    public float[] toFloatArray() {
        return Buffers.toFloats(host());
    }

    /**
     * The elements in row-major order as longs, truncated toward zero (a copy).
     * <pre>
     * jshell> Tensor.of(1.5, -2.5).toLongArray()
     * $1 ==> long[2] { 1, -2 }
     * </pre>
     */
    public long[] toLongArray() {
        return Buffers.toLongs(host());
    }

    /**
     * The elements in row-major order as booleans, nonzero meaning true (a copy).
     * <pre>
     * jshell> Tensor.of(0, 2).toBooleanArray()
     * $1 ==> boolean[2] { false, true }
     * </pre>
     */
    public boolean[] toBooleanArray() {
        return Buffers.toBools(host());
    }

    /**
     * This tensor in another dtype: itself when it already has it, else a differentiable copy.
     * <pre>
     * jshell> Tensor.of(1.5, -2.5).to(DType.INT64)
     * $1 ==> tensor([ 1, -2])
     * </pre>
     */
    public Tensor to(DType type) {
        return ToCopy.to(this, type);
    }

    /**
     * This tensor on {@code device}: itself when it is there already, else a differentiable copy (the
     * gradient flows back to this device), as PyTorch's {@code tensor.to(device)}.
     * <pre>
     * jshell> var x = Tensor.of(1, 2).requiresGrad(true);
     * jshell> x.to(Device.ND4J).mul(3).sum().backward(); x.grad()
     * $2 ==> tensor([3., 3.])
     * </pre>
     */
    public Tensor to(Device device) {
        return ToDevice.to(this, device);
    }

    /** The device that holds this tensor's storage and computes its ops, PyTorch's {@code tensor.device}. */
    public Device device() {
        return storage.device;
    }

    /**
     * Same as {@link #to(DType)}.
     * <pre>
     * jshell> Tensor.arange(2).toType(DType.FLOAT64)
     * $1 ==> tensor([0., 1.], dtype=float64)
     * </pre>
     */
    public Tensor toType(DType type) {
        return to(type);
    }

    /**
     * {@code to(DType.FLOAT32)}.
     * <pre>
     * jshell> Tensor.arange(3).toFloat()
     * $1 ==> tensor([0., 1., 2.])
     * </pre>
     */
    public Tensor toFloat() {
        return to(DType.FLOAT32);
    }

    /**
     * {@code to(DType.FLOAT64)}.
     * <pre>
     * jshell> Tensor.of(0.1).toDouble().dtype()
     * $1 ==> float64
     * </pre>
     */
    public Tensor toDouble() {
        return to(DType.FLOAT64);
    }

    /**
     * {@code to(DType.INT64)}: fractions truncated toward zero.
     * <pre>
     * jshell> Tensor.of(1.9, -1.9).toLong()
     * $1 ==> tensor([ 1, -1])
     * </pre>
     */
    public Tensor toLong() {
        return to(DType.INT64);
    }

    /**
     * {@code to(DType.BOOL)}: nonzero is true.
     * <pre>
     * jshell> Tensor.of(0, 0.5).toBool()
     * $1 ==> tensor([False,  True])
     * </pre>
     */
    public Tensor toBool() {
        return to(DType.BOOL);
    }

    /**
     * A differentiable copy with its own storage.
     * <pre>
     * jshell> var a = Tensor.of(1, 2); var b = a.clone(); b.addi(1);
     * jshell> a
     * a ==> tensor([1., 2.])
     * </pre>
     */
    public Tensor clone() {
        return new ToCopy(dtype, "CloneBackward0").apply(this);
    }

    // --- math ---

    /**
     * Element-wise sum, broadcast, in the promoted dtype.
     * <pre>
     * jshell> Tensor.of(1, 2).add(Tensor.of(new double[][] {{10}, {20}}))
     * $1 ==> tensor([[11., 12.],
     *         [21., 22.]])
     * </pre>
     */
    public Tensor add(Tensor other) {
        return new Add().apply(this, other);
    }

    /**
     * Adds a scalar: an int64 tensor stays int64 for a whole number, becomes float32 for a fraction.
     * <pre>
     * jshell> Tensor.arange(3).add(1)
     * $1 ==> tensor([1, 2, 3])
     * jshell> Tensor.arange(3).add(0.5)
     * $2 ==> tensor([0.5000, 1.5000, 2.5000])
     * </pre>
     */
    public Tensor add(double value) {
        return add(Ops.scalar(this, value));
    }

    /**
     * {@code this + alpha * other}, like PyTorch's {@code add(other, alpha=...)}.
     * <pre>
     * jshell> Tensor.of(1, 2).add(Tensor.of(1, 1), -2)
     * $1 ==> tensor([-1.,  0.])
     * </pre>
     */
    public Tensor add(Tensor other, double alpha) {
        return Add.scaled(this, other, alpha);
    }

    /**
     * Element-wise difference, broadcast; {@link #sub(double)} for a scalar.
     * <pre>
     * jshell> Tensor.of(5, 7).sub(Tensor.of(1, 2))
     * $1 ==> tensor([4., 5.])
     * jshell> Tensor.of(5, 7).sub(1)
     * $2 ==> tensor([4., 6.])
     * </pre>
     */
    public Tensor sub(Tensor other) {
        return new Sub().apply(this, other);
    }

    public Tensor sub(double value) {
        return sub(Ops.scalar(this, value));
    }

    /**
     * Element-wise product, broadcast; {@link #mul(double)} for a scalar.
     * <pre>
     * jshell> Tensor.of(1, 2, 3).mul(Tensor.of(2, 0, -1))
     * $1 ==> tensor([ 2.,  0., -3.])
     * jshell> Tensor.arange(3).mul(2)
     * $2 ==> tensor([0, 2, 4])
     * </pre>
     */
    public Tensor mul(Tensor other) {
        return new Mul().apply(this, other);
    }

    public Tensor mul(double value) {
        return mul(Ops.scalar(this, value));
    }

    /**
     * True division: integer inputs give float32, as in PyTorch.
     * <pre>
     * jshell> Tensor.of(1, 3).div(Tensor.of(2, 4))
     * $1 ==> tensor([0.5000, 0.7500])
     * jshell> Tensor.arange(4).div(2)
     * $2 ==> tensor([0.0000, 0.5000, 1.0000, 1.5000])
     * </pre>
     */
    public Tensor div(Tensor other) {
        return new Div().apply(this, other);
    }

    public Tensor div(double value) {
        return div(Ops.scalar(this, value));
    }

    /**
     * {@code -this}; refused for bool tensors, as in PyTorch.
     * <pre>
     * jshell> Tensor.of(1, -2).neg()
     * $1 ==> tensor([-1.,  2.])
     * </pre>
     */
    public Tensor neg() {
        return Neg.neg(this);
    }

    /**
     * {@code this} to a scalar power; an integer tensor stays integer for a non-negative whole exponent.
     * <pre>
     * jshell> Tensor.of(1, 2, 3).pow(2)
     * $1 ==> tensor([1., 4., 9.])
     * jshell> Tensor.arange(4).pow(2)
     * $2 ==> tensor([0, 1, 4, 9])
     * </pre>
     */
    public Tensor pow(double exponent) {
        return new Pow(exponent).apply(this, Ops.scalar(this, exponent));
    }

    /**
     * Element-wise power with a tensor exponent, broadcast.
     * <pre>
     * jshell> Tensor.of(2, 4).pow(Tensor.of(3, 0.5))
     * $1 ==> tensor([8., 2.])
     * </pre>
     */
    public Tensor pow(Tensor exponent) {
        return new Pow().apply(this, exponent);
    }

    /**
     * e to each element.
     * <pre>
     * jshell> Tensor.of(0, 1).exp()
     * $1 ==> tensor([1.0000, 2.7183])
     * </pre>
     */
    public Tensor exp() {
        return new Exp().apply(this);
    }

    /**
     * Natural logarithm: -inf at 0, NaN below.
     * <pre>
     * jshell> Tensor.of(1, 0, -1).log()
     * $1 ==> tensor([  0., -inf,  nan])
     * </pre>
     */
    public Tensor log() {
        return new Log().apply(this);
    }

    /**
     * {@code log(1 + x)}, accurate for small x.
     * <pre>
     * jshell> Tensor.of(DType.FLOAT64, 1e-20).log1p().item()
     * $1 ==> 1.0E-20
     * </pre>
     */
    public Tensor log1p() {
        return new Log1p().apply(this);
    }

    /**
     * Square root: NaN below 0.
     * <pre>
     * jshell> Tensor.of(4, 2).sqrt()
     * $1 ==> tensor([2.0000, 1.4142])
     * </pre>
     */
    public Tensor sqrt() {
        return new Sqrt().apply(this);
    }

    /**
     * Absolute value; int64 stays int64, and the gradient at 0 is 0, as in PyTorch.
     * <pre>
     * jshell> Tensor.of(-1.5, 2).abs()
     * $1 ==> tensor([1.5000, 2.0000])
     * </pre>
     */
    public Tensor abs() {
        return new Abs().apply(this);
    }

    /**
     * -1, 0 or 1 per element; no gradient flows through it.
     * <pre>
     * jshell> Tensor.of(-2, 0, 3).sign()
     * $1 ==> tensor([-1.,  0.,  1.])
     * </pre>
     */
    public Tensor sign() {
        return Discrete.sign(this);
    }

    /**
     * Hyperbolic tangent.
     * <pre>
     * jshell> Tensor.of(-1, 0, 1).tanh()
     * $1 ==> tensor([-0.7616,  0.0000,  0.7616])
     * </pre>
     */
    public Tensor tanh() {
        return new Tanh().apply(this);
    }

    /**
     * The logistic function {@code 1 / (1 + e^-x)}.
     * <pre>
     * jshell> Tensor.of(-1, 0, 1).sigmoid()
     * $1 ==> tensor([0.2689, 0.5000, 0.7311])
     * </pre>
     */
    public Tensor sigmoid() {
        return new Sigmoid().apply(this);
    }

    /**
     * The error function, {@code 2/sqrt(pi)} times the integral of {@code e^(-t²)} from 0 to x:
     * odd, -1 at -inf and 1 at +inf (in double already beyond |x| = 6), NaN at NaN. Integer inputs
     * become float32. Gradient {@code 2/sqrt(pi)·e^(-x²)}, 0 at ±inf.
     * <pre>
     * jshell> Tensor.of(-1, 0, 0.5, Float.POSITIVE_INFINITY).erf()
     * $1 ==> tensor([-0.8427,  0.0000,  0.5205,  1.0000])
     * </pre>
     */
    public Tensor erf() {
        return new Erf().apply(this);
    }

    /**
     * {@code max(x, 0)}; the gradient at 0 is 0, as in PyTorch.
     * <pre>
     * jshell> Tensor.of(-1, 0, 2).relu()
     * $1 ==> tensor([0., 0., 2.])
     * </pre>
     */
    public Tensor relu() {
        return new Relu().apply(this);
    }

    /**
     * Clamps into [min, max]; pass {@code Double.NaN} for no bound on one side.
     * <pre>
     * jshell> Tensor.of(-2, 0.5, 3).clamp(0, 1)
     * $1 ==> tensor([0.0000, 0.5000, 1.0000])
     * jshell> Tensor.of(-2, 0.5, 3).clamp(Double.NaN, 1)
     * $2 ==> tensor([-2.0000,  0.5000,  1.0000])
     * </pre>
     */
    public Tensor clamp(double min, double max) {
        return new Clamp(min, max).apply(this);
    }

    /**
     * {@code clamp(min, NaN)}: no upper bound.
     * <pre>
     * jshell> Tensor.of(-2, 0.5, 3).clampMin(0)
     * $1 ==> tensor([0.0000, 0.5000, 3.0000])
     * </pre>
     */
    public Tensor clampMin(double min) {
        return clamp(min, Double.NaN);
    }

    /**
     * {@code clamp(NaN, max)}: no lower bound.
     * <pre>
     * jshell> Tensor.of(-2, 0.5, 3).clampMax(1)
     * $1 ==> tensor([-2.0000,  0.5000,  1.0000])
     * </pre>
     */
    public Tensor clampMax(double max) {
        return clamp(Double.NaN, max);
    }

    /**
     * Element-wise larger of two tensors, broadcast; ties split the gradient in half, as in PyTorch.
     * <pre>
     * jshell> Tensor.of(1, 5, 3).maximum(Tensor.of(4, 2, 3))
     * $1 ==> tensor([4., 5., 3.])
     * </pre>
     */
    public Tensor maximum(Tensor other) {
        return new Maximum(true).apply(this, other);
    }

    /**
     * Element-wise smaller of two tensors, broadcast; ties split the gradient in half, as in PyTorch.
     * <pre>
     * jshell> Tensor.of(1, 5, 3).minimum(Tensor.of(4, 2, 3))
     * $1 ==> tensor([1., 2., 3.])
     * </pre>
     */
    public Tensor minimum(Tensor other) {
        return new Maximum(false).apply(this, other);
    }

    /**
     * Elements of {@code a} where {@code condition} holds, else of {@code b}, all broadcast together.
     * <pre>
     * jshell> var x = Tensor.of(-1, 2, -3);
     * jshell> Tensor.where(x.gt(0), x, x.mul(0.1))
     * $2 ==> tensor([-0.1000,  2.0000, -0.3000])
     * </pre>
     */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        return new Where(condition).apply(a, b);
    }

    /**
     * {@code where(condition, this, other)}, PyTorch's {@code x.where(condition, y)}.
     * <pre>
     * jshell> var x = Tensor.of(-1, 2, -3);
     * jshell> x.where(x.gt(0), Tensor.of(0.0))
     * $2 ==> tensor([0., 2., 0.])
     * </pre>
     */
    public Tensor where(Tensor condition, Tensor other) {
        return where(condition, this, other);
    }

    /**
     * Matrix product with PyTorch's rules: 1-D·1-D is a dot product, a 1-D operand is treated as a
     * row (first) or column (second) vector and that dim removed, and the dims before the last two
     * are batch dims that broadcast: [j, 1, n, m]·[k, m, p] is [j, k, n, p].
     * <pre>
     * jshell> var m = Tensor.of(new double[][] {{1, 2}, {3, 4}});
     * jshell> m.matmul(Tensor.of(new double[][] {{1, 0}, {1, 1}}))
     * $2 ==> tensor([[3., 2.],
     *         [7., 4.]])
     * jshell> m.matmul(Tensor.of(1, 1))
     * $3 ==> tensor([3., 7.])
     * jshell> Tensor.of(1, 2).matmul(Tensor.of(3, 4))
     * $4 ==> tensor(11.)
     * jshell> Tensor.ones(2, 1, 3, 4).matmul(Tensor.ones(5, 4, 2)).shape()
     * $5 ==> int[4] { 2, 5, 3, 2 }
     * </pre>
     */
    public Tensor matmul(Tensor other) {
        return MatMul.matmul(this, other);
    }

    // --- reductions ---

    /**
     * Sum over {@code dims} (all when none), dropping them.
     * <pre>
     * jshell> var x = Tensor.arange(6).reshape(2, 3);
     * jshell> x.sum()
     * $2 ==> tensor(15)
     * jshell> x.sum(1)
     * $3 ==> tensor([ 3, 12])
     * jshell> x.sum(1, true)
     * $4 ==> tensor([[ 3],
     *         [12]])
     * </pre>
     */
    public Tensor sum(int... dims) {
        return sum(dims, false);
    }

    public Tensor sum(int dim, boolean keepdim) {
        return sum(new int[] {dim}, keepdim);
    }

    public Tensor sum(int[] dims, boolean keepdim) {
        return new Sum(dims.clone(), keepdim).apply(this);
    }

    /**
     * Mean over {@code dims} (all when none), dropping them; floating point only, as in PyTorch.
     * <pre>
     * jshell> var x = Tensor.of(new double[][] {{1, 2}, {3, 4}});
     * jshell> x.mean()
     * $2 ==> tensor(2.5000)
     * jshell> x.mean(0)
     * $3 ==> tensor([2., 3.])
     * jshell> x.mean(1, true)
     * $4 ==> tensor([[1.5000],
     *         [3.5000]])
     * </pre>
     */
    public Tensor mean(int... dims) {
        return mean(dims, false);
    }

    public Tensor mean(int dim, boolean keepdim) {
        return mean(new int[] {dim}, keepdim);
    }

    public Tensor mean(int[] dims, boolean keepdim) {
        return new Mean(dims.clone(), keepdim).apply(this);
    }

    /**
     * Maximum over {@code dims} (all when none), dropping them; the gradient is shared among ties.
     * <pre>
     * jshell> var x = Tensor.of(new double[][] {{1, 5}, {7, 2}});
     * jshell> x.amax()
     * $2 ==> tensor(7.)
     * jshell> x.amax(1)
     * $3 ==> tensor([5., 7.])
     * </pre>
     */
    public Tensor amax(int... dims) {
        return amax(dims, false);
    }

    public Tensor amax(int dim, boolean keepdim) {
        return amax(new int[] {dim}, keepdim);
    }

    public Tensor amax(int[] dims, boolean keepdim) {
        return new Extreme(dims.clone(), keepdim, true).apply(this);
    }

    /**
     * Minimum over {@code dims} (all when none), dropping them; the gradient is shared among ties.
     * <pre>
     * jshell> Tensor.of(new double[][] {{1, 5}, {7, 2}}).amin(0)
     * $1 ==> tensor([1., 2.])
     * </pre>
     */
    public Tensor amin(int... dims) {
        return amin(dims, false);
    }

    public Tensor amin(int dim, boolean keepdim) {
        return amin(new int[] {dim}, keepdim);
    }

    public Tensor amin(int[] dims, boolean keepdim) {
        return new Extreme(dims.clone(), keepdim, false).apply(this);
    }

    /**
     * log Σ exp over {@code dim}, computed without overflow.
     * <pre>
     * jshell> Tensor.of(0, 0).logsumexp(0)
     * $1 ==> tensor(0.6931)
     * jshell> Tensor.of(1000, 1000).logsumexp(0)
     * $2 ==> tensor(1000.6932)
     * </pre>
     */
    public Tensor logsumexp(int dim) {
        return logsumexp(new int[] {dim}, false);
    }

    public Tensor logsumexp(int dim, boolean keepdim) {
        return logsumexp(new int[] {dim}, keepdim);
    }

    public Tensor logsumexp(int[] dims, boolean keepdim) {
        return new LogSumExp(dims.clone(), keepdim).apply(this);
    }

    /**
     * Softmax along {@code dim} (required: PyTorch's implicit-dim guess is deprecated).
     * <pre>
     * jshell> Tensor.of(1, 2, 3).softmax(0)
     * $1 ==> tensor([0.0900, 0.2447, 0.6652])
     * </pre>
     */
    public Tensor softmax(int dim) {
        return new SoftmaxOp(dim, false).apply(this);
    }

    /**
     * log(softmax) along {@code dim}, computed stably in one pass.
     * <pre>
     * jshell> Tensor.of(1, 2, 3).logSoftmax(0)
     * $1 ==> tensor([-2.4076, -1.4076, -0.4076])
     * </pre>
     */
    public Tensor logSoftmax(int dim) {
        return new SoftmaxOp(dim, true).apply(this);
    }

    /**
     * Index of the largest element of the flattened tensor (int64, 0-D).
     * <pre>
     * jshell> var x = Tensor.of(new double[][] {{1, 5}, {7, 2}});
     * jshell> x.argmax()
     * $2 ==> tensor(2)
     * jshell> x.argmax(1)
     * $3 ==> tensor([1, 0])
     * jshell> x.argmax(1, true)
     * $4 ==> tensor([[1],
     *         [0]])
     * </pre>
     */
    public Tensor argmax() {
        return Discrete.argmax(this, null, false);
    }

    public Tensor argmax(int dim) {
        return Discrete.argmax(this, dim, false);
    }

    public Tensor argmax(int dim, boolean keepdim) {
        return Discrete.argmax(this, dim, keepdim);
    }

    /**
     * Variance over {@code dims} (all when none), Σ(x - mean)² / max(0, n - correction), with PyTorch's
     * default {@code correction} 1 (Bessel's, the unbiased estimate); floating point only.
     * <pre>
     * jshell> var x = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 7}});
     * jshell> x.var()
     * $2 ==> tensor(4.6667)
     * jshell> x.var(1)
     * $3 ==> tensor([1.0000, 2.3333])
     * jshell> x.var(new int[] {1}, 0, true)
     * $4 ==> tensor([[0.6667],
     *         [1.5556]])
     * </pre>
     */
    public Tensor var(int... dims) {
        return var(dims, 1, false);
    }

    public Tensor var(int[] dims, int correction, boolean keepdim) {
        return Variance.of(this, dims, correction, keepdim, false);
    }

    /**
     * Standard deviation, the square root of {@link #var}; its gradient is 0 where it is 0.
     * <pre>
     * jshell> Tensor.of(1, 2, 3, 4).std()
     * $1 ==> tensor(1.2910)
     * jshell> Tensor.of(1, 2, 3, 4).std(new int[] {0}, 0, false)
     * $2 ==> tensor(1.1180)
     * </pre>
     */
    public Tensor std(int... dims) {
        return std(dims, 1, false);
    }

    public Tensor std(int[] dims, int correction, boolean keepdim) {
        return Variance.of(this, dims, correction, keepdim, true);
    }

    /**
     * The vector p-norm over {@code dims} (all when none): (Σ|x|^p)^(1/p) for p ≥ 1 (default 2), the
     * largest |x| for {@code Double.POSITIVE_INFINITY}, the smallest for {@code NEGATIVE_INFINITY};
     * floating point only. As in PyTorch, the gradient is 0 where the norm is 0, and ±inf share it
     * evenly among ties.
     * <pre>
     * jshell> var x = Tensor.of(new double[][] {{3, -4}, {0, 0}});
     * jshell> x.norm()
     * $2 ==> tensor(5.)
     * jshell> x.norm(1, 1, false)
     * $3 ==> tensor([7., 0.])
     * jshell> x.norm(Double.POSITIVE_INFINITY, 0, true)
     * $4 ==> tensor([[3., 4.]])
     * </pre>
     */
    public Tensor norm() {
        return norm(2, new int[0], false);
    }

    public Tensor norm(double p) {
        return norm(p, new int[0], false);
    }

    public Tensor norm(double p, int dim, boolean keepdim) {
        return norm(p, new int[] {dim}, keepdim);
    }

    public Tensor norm(double p, int[] dims, boolean keepdim) {
        return Norm.norm(this, p, dims, keepdim);
    }

    /**
     * The largest element along {@code dim} and its index, PyTorch's {@code max(dim, keepdim)}: the
     * first of ties, a NaN if there is one (the first); the gradient flows to that element only.
     * <pre>
     * jshell> var x = Tensor.of(new double[][] {{1, 3, 3}, {2, Double.NaN, 0}});
     * jshell> x.max(1).indices()
     * $2 ==> tensor([1, 1])
     * jshell> x.max(1, true).values()
     * $3 ==> tensor([[ 3.],
     *         [nan]])
     * </pre>
     */
    public ValuesIndices max(int dim) {
        return MaxDim.select(this, dim, false, true);
    }

    public ValuesIndices max(int dim, boolean keepdim) {
        return MaxDim.select(this, dim, keepdim, true);
    }

    /**
     * The smallest element along {@code dim} and its index, as {@link #max(int)}.
     * <pre>
     * jshell> Tensor.of(new double[][] {{2, 0, 0}, {5, 4, 6}}).min(1)
     * $1 ==> ValuesIndices[values=tensor([0., 4.]), indices=tensor([1, 1])]
     * </pre>
     */
    public ValuesIndices min(int dim) {
        return MaxDim.select(this, dim, false, false);
    }

    public ValuesIndices min(int dim, boolean keepdim) {
        return MaxDim.select(this, dim, keepdim, false);
    }

    /**
     * Running sums along {@code dim}: element i is the sum of elements 0..i. int64 and bool sum to
     * int64 (wrapping on overflow), floats keep their dtype and accumulate in double, as PyTorch's CPU
     * kernel does. The gradient is the running sum of the gradient from the other end.
     * <pre>
     * jshell> Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}}).cumsum(1)
     * $1 ==> tensor([[ 1.,  3.,  6.],
     *         [ 4.,  9., 15.]])
     * jshell> Tensor.of(true, false, true).cumsum(0)
     * $2 ==> tensor([1, 1, 2])
     * </pre>
     */
    public Tensor cumsum(int dim) {
        return Cumsum.of(this, dim);
    }

    /**
     * The elements along {@code dim} in ascending order and where each came from (int64), PyTorch's
     * {@code sort(dim, stable=True)}: equal elements (-0.0 and 0.0 among them) keep their order, and
     * NaN sorts as the largest value. PyTorch's default {@code stable=False} leaves the order of ties
     * to {@code std::sort}; jgrad always sorts stably, one of the orders it may give. The gradient goes
     * back to each value's original position.
     * <pre>
     * jshell> Tensor.of(3, Double.NaN, 1, 3).sort(0)
     * $1 ==> ValuesIndices[values=tensor([ 1.,  3.,  3., nan]), indices=tensor([2, 0, 3, 1])]
     * jshell> Tensor.of(3, Double.NaN, 1, 3).sort(0, true).indices()
     * $2 ==> tensor([1, 0, 3, 2])
     * </pre>
     */
    public ValuesIndices sort(int dim) {
        return Sort.sort(this, dim, false);
    }

    /** {@link #sort(int)} in descending order when {@code descending}: NaN first, ties still in their order. */
    public ValuesIndices sort(int dim, boolean descending) {
        return Sort.sort(this, dim, descending);
    }

    /**
     * The {@code k} largest elements along {@code dim} (the smallest unless {@code largest}) and their
     * int64 indices, in sorted order, NaN counting as the largest value. Which of several equal
     * elements PyTorch picks, and in which order, is its implementation's choice; jgrad's is that of a
     * stable sort (first in the lane first). With {@code sorted} false PyTorch may return the k in any
     * order; jgrad returns them sorted. The gradient goes back to the chosen positions.
     * <pre>
     * jshell> Tensor.of(3, 1, 4, 1, 5).topk(2)
     * $1 ==> ValuesIndices[values=tensor([5., 4.]), indices=tensor([4, 2])]
     * jshell> Tensor.of(3, 1, 4, 1, 5).topk(2, 0, false, true).values()
     * $2 ==> tensor([1., 1.])
     * </pre>
     */
    public ValuesIndices topk(int k) {
        return Sort.topk(this, k, -1, true);
    }

    public ValuesIndices topk(int k, int dim) {
        return Sort.topk(this, k, dim, true);
    }

    public ValuesIndices topk(int k, int dim, boolean largest, boolean sorted) {
        return Sort.topk(this, k, dim, largest);
    }

    // --- comparison and logic (bool results, no gradient) ---

    /**
     * Element-wise {@code ==}, broadcast; a scalar meets a floating tensor in its dtype, so a float32 0.1 equals 0.1.
     * <pre>
     * jshell> Tensor.of(1, 2).eq(Tensor.of(1, 3))
     * $1 ==> tensor([ True, False])
     * jshell> Tensor.of(0.1).eq(0.1)
     * $2 ==> tensor(True)
     * </pre>
     */
    public Tensor eq(Tensor other) {
        return Discrete.compare("eq", Compare.EQ, this, other);
    }

    public Tensor eq(double value) {
        return Discrete.compare("eq", Compare.EQ, this, value);
    }

    /**
     * Element-wise {@code !=}, broadcast.
     * <pre>
     * jshell> Tensor.of(1, 2).ne(Tensor.of(1, 3))
     * $1 ==> tensor([False,  True])
     * jshell> Tensor.of(1, 2).ne(2)
     * $2 ==> tensor([ True, False])
     * </pre>
     */
    public Tensor ne(Tensor other) {
        return Discrete.compare("ne", Compare.NE, this, other);
    }

    public Tensor ne(double value) {
        return Discrete.compare("ne", Compare.NE, this, value);
    }

    /**
     * Element-wise {@code >}, broadcast.
     * <pre>
     * jshell> Tensor.of(1, 2, 3).gt(Tensor.of(2))
     * $1 ==> tensor([False, False,  True])
     * jshell> Tensor.of(1, 2, 3).gt(2)
     * $2 ==> tensor([False, False,  True])
     * </pre>
     */
    public Tensor gt(Tensor other) {
        return Discrete.compare("gt", Compare.GT, this, other);
    }

    public Tensor gt(double value) {
        return Discrete.compare("gt", Compare.GT, this, value);
    }

    /**
     * Element-wise {@code >=}, broadcast.
     * <pre>
     * jshell> Tensor.of(1, 2, 3).ge(2)
     * $1 ==> tensor([False,  True,  True])
     * </pre>
     */
    public Tensor ge(Tensor other) {
        return Discrete.compare("ge", Compare.GE, this, other);
    }

    public Tensor ge(double value) {
        return Discrete.compare("ge", Compare.GE, this, value);
    }

    /**
     * Element-wise {@code <}, broadcast.
     * <pre>
     * jshell> Tensor.of(1, 2, 3).lt(2)
     * $1 ==> tensor([ True, False, False])
     * </pre>
     */
    public Tensor lt(Tensor other) {
        return Discrete.compare("lt", Compare.LT, this, other);
    }

    public Tensor lt(double value) {
        return Discrete.compare("lt", Compare.LT, this, value);
    }

    /**
     * Element-wise {@code <=}, broadcast.
     * <pre>
     * jshell> Tensor.of(1, 2, 3).le(2)
     * $1 ==> tensor([ True,  True, False])
     * </pre>
     */
    public Tensor le(Tensor other) {
        return Discrete.compare("le", Compare.LE, this, other);
    }

    public Tensor le(double value) {
        return Discrete.compare("le", Compare.LE, this, value);
    }

    /**
     * Element-wise and of the truth values (nonzero is true), broadcast.
     * <pre>
     * jshell> Tensor.of(true, true, false).logicalAnd(Tensor.of(1, 0, 1))
     * $1 ==> tensor([ True, False, False])
     * </pre>
     */
    public Tensor logicalAnd(Tensor other) {
        return Discrete.logical("logicalAnd", this, other, true);
    }

    /**
     * Element-wise or of the truth values (nonzero is true), broadcast.
     * <pre>
     * jshell> Tensor.of(true, false, false).logicalOr(Tensor.of(0, 0, 2))
     * $1 ==> tensor([ True, False,  True])
     * </pre>
     */
    public Tensor logicalOr(Tensor other) {
        return Discrete.logical("logicalOr", this, other, false);
    }

    /**
     * True where the element is zero (false).
     * <pre>
     * jshell> Tensor.of(0, 1, 2).logicalNot()
     * $1 ==> tensor([ True, False, False])
     * </pre>
     */
    public Tensor logicalNot() {
        return eq(0.0);
    }

    // --- shape ---

    /**
     * The same data in another shape; one size may be -1 (inferred). Shares storage.
     * <pre>
     * jshell> Tensor.arange(6).reshape(3, -1)
     * $1 ==> tensor([[0, 1],
     *         [2, 3],
     *         [4, 5]])
     * </pre>
     */
    public Tensor reshape(int... shape) {
        return Reshape.reshape(this, shape);
    }

    /**
     * Same as {@link #reshape}: storage is always contiguous, so a view is always possible.
     * <pre>
     * jshell> Tensor.arange(6).view(2, 3)
     * $1 ==> tensor([[0, 1, 2],
     *         [3, 4, 5]])
     * </pre>
     */
    public Tensor view(int... shape) {
        return Reshape.view(this, shape);
    }

    /**
     * All dims merged into one (a 0-d tensor becomes 1-D). Shares storage.
     * <pre>
     * jshell> Tensor.zeros(2, 3, 4).flatten().shape()
     * $1 ==> int[1] { 24 }
     * </pre>
     */
    public Tensor flatten() {
        return flatten(0, -1);
    }

    /**
     * Merges dims {@code startDim..endDim} into one.
     * <pre>
     * jshell> Tensor.zeros(2, 3, 4).flatten(1, 2).shape()
     * $1 ==> int[2] { 2, 12 }
     * </pre>
     */
    public Tensor flatten(int startDim, int endDim) {
        return Reshape.flatten(this, startDim, endDim);
    }

    /**
     * Removes all dims of size 1.
     * <pre>
     * jshell> Tensor.zeros(2, 1, 3, 1).squeeze().shape()
     * $1 ==> int[2] { 2, 3 }
     * </pre>
     */
    public Tensor squeeze() {
        return Reshape.squeeze(this);
    }

    /**
     * Removes {@code dim} if its size is 1 (else returns the same shape, as PyTorch does).
     * <pre>
     * jshell> Tensor.zeros(2, 1, 3).squeeze(1).shape()
     * $1 ==> int[2] { 2, 3 }
     * jshell> Tensor.zeros(2, 1, 3).squeeze(0).shape()
     * $2 ==> int[3] { 2, 1, 3 }
     * </pre>
     */
    public Tensor squeeze(int dim) {
        return Reshape.squeeze(this, dim);
    }

    /**
     * Inserts a dim of size 1 at {@code dim} (in [-dim()-1, dim()]).
     * <pre>
     * jshell> Tensor.of(1, 2).unsqueeze(0)
     * $1 ==> tensor([[1., 2.]])
     * jshell> Tensor.of(1, 2).unsqueeze(-1)
     * $2 ==> tensor([[1.],
     *         [2.]])
     * </pre>
     */
    public Tensor unsqueeze(int dim) {
        return Reshape.unsqueeze(this, dim);
    }

    /**
     * Swaps two dims (a copy).
     * <pre>
     * jshell> Tensor.arange(6).reshape(2, 3).transpose(0, 1)
     * $1 ==> tensor([[0, 3],
     *         [1, 4],
     *         [2, 5]])
     * </pre>
     */
    public Tensor transpose(int dim0, int dim1) {
        return Permute.transpose(this, dim0, dim1);
    }

    /**
     * Transpose of a matrix (0-D and 1-D tensors are returned as they are).
     * <pre>
     * jshell> Tensor.of(new double[][] {{1, 2}}).t()
     * $1 ==> tensor([[1.],
     *         [2.]])
     * </pre>
     */
    public Tensor t() {
        return Permute.t(this);
    }

    /**
     * Reorders dims: output dim i is input dim {@code dims[i]} (a copy).
     * <pre>
     * jshell> Tensor.zeros(2, 3, 4).permute(2, 0, 1).shape()
     * $1 ==> int[3] { 4, 2, 3 }
     * </pre>
     */
    public Tensor permute(int... dims) {
        return Permute.permute(this, dims);
    }

    /**
     * Broadcasts size-1 (or missing leading) dims to {@code shape}; -1 keeps a size. A copy.
     * <pre>
     * jshell> Tensor.of(1, 2).expand(3, -1)
     * $1 ==> tensor([[1., 2.],
     *         [1., 2.],
     *         [1., 2.]])
     * </pre>
     */
    public Tensor expand(int... shape) {
        return new Expand(shape.clone()).apply(this);
    }

    /**
     * {@code expand(other.shape())}.
     * <pre>
     * jshell> Tensor.of(new double[][] {{1}, {2}}).expandAs(Tensor.zeros(2, 3))
     * $1 ==> tensor([[1., 1., 1.],
     *         [2., 2., 2.]])
     * </pre>
     */
    public Tensor expandAs(Tensor other) {
        return expand(other.shape);
    }

    /**
     * Same as {@link #expand}, PyTorch's {@code broadcast_to}.
     * <pre>
     * jshell> Tensor.of(7.0).broadcastTo(2)
     * $1 ==> tensor([7., 7.])
     * </pre>
     */
    public Tensor broadcastTo(int... shape) {
        return expand(shape);
    }

    /**
     * {@code length} elements along {@code dim} from {@code start} (a copy).
     * <pre>
     * jshell> Tensor.arange(6).narrow(0, 1, 3)
     * $1 ==> tensor([1, 2, 3])
     * </pre>
     */
    public Tensor narrow(int dim, int start, int length) {
        return Slice.narrow(this, dim, start, length);
    }

    /**
     * Python's {@code x[..., start:end:step, ...]} along {@code dim}; negative and out-of-range bounds clip.
     * <pre>
     * jshell> Tensor.arange(10).slice(0, 1, -1, 3)
     * $1 ==> tensor([1, 4, 7])
     * jshell> Tensor.arange(10).slice(0, -3, 100)
     * $2 ==> tensor([7, 8, 9])
     * </pre>
     */
    public Tensor slice(int dim, int start, int end, int step) {
        return Slice.slice(this, dim, start, end, step);
    }

    public Tensor slice(int dim, int start, int end) {
        return slice(dim, start, end, 1);
    }

    /**
     * The slice at {@code index} along {@code dim}, with that dim removed.
     * <pre>
     * jshell> Tensor.arange(6).reshape(2, 3).select(1, -1)
     * $1 ==> tensor([2, 5])
     * </pre>
     */
    public Tensor select(int dim, int index) {
        return Slice.select(this, dim, index);
    }

    /**
     * Concatenates along an existing dim; dtypes are promoted.
     * <pre>
     * jshell> Tensor.cat(java.util.List.of(Tensor.of(1, 2), Tensor.of(3, 4, 5)), 0)
     * $1 ==> tensor([1., 2., 3., 4., 5.])
     * jshell> Tensor.cat(1, Tensor.zeros(2, 1), Tensor.arange(4).reshape(2, 2))
     * $2 ==> tensor([[0., 0., 1.],
     *         [0., 2., 3.]])
     * </pre>
     */
    public static Tensor cat(List<Tensor> tensors, int dim) {
        return new Cat(dim).apply(tensors.toArray(new Tensor[0]));
    }

    public static Tensor cat(int dim, Tensor... tensors) {
        return new Cat(dim).apply(tensors);
    }

    /**
     * Joins equally shaped tensors along a new dim.
     * <pre>
     * jshell> Tensor.stack(java.util.List.of(Tensor.of(1, 2), Tensor.of(3, 4)), 0)
     * $1 ==> tensor([[1., 2.],
     *         [3., 4.]])
     * jshell> Tensor.stack(1, Tensor.of(1, 2), Tensor.of(3, 4))
     * $2 ==> tensor([[1., 3.],
     *         [2., 4.]])
     * </pre>
     */
    public static Tensor stack(List<Tensor> tensors, int dim) {
        return Cat.stack(tensors, dim);
    }

    public static Tensor stack(int dim, Tensor... tensors) {
        return stack(List.of(tensors), dim);
    }

    /**
     * Pieces of {@code size} along {@code dim} (the last may be smaller), each a copy whose gradient
     * flows back into this tensor.
     * <pre>
     * jshell> Tensor.arange(5).split(2, 0)
     * $1 ==> [tensor([0, 1]), tensor([2, 3]), tensor([4])]
     * jshell> Tensor.arange(5).split(new int[] {1, 4}, 0)
     * $2 ==> [tensor([0]), tensor([1, 2, 3, 4])]
     * </pre>
     */
    public List<Tensor> split(int size, int dim) {
        return Split.split(this, size, dim);
    }

    public List<Tensor> split(int[] sizes, int dim) {
        return Split.split(this, sizes, dim);
    }

    /**
     * {@code chunks} pieces along {@code dim} of ceil(size / chunks) elements each, fewer when those
     * cover the dim sooner, as PyTorch's chunk.
     * <pre>
     * jshell> Tensor.arange(6).chunk(4, 0)
     * $1 ==> [tensor([0, 1]), tensor([2, 3]), tensor([4, 5])]
     * </pre>
     */
    public List<Tensor> chunk(int chunks, int dim) {
        return Split.chunk(this, chunks, dim);
    }

    /**
     * Constant padding, {@code torch.nn.functional.pad(x, pad, value=value)}: {@code pad} holds
     * (before, after) pairs for the last dim, then the one before it, ...; negative amounts crop.
     * <pre>
     * jshell> Tensor.of(new double[][] {{1, 2}, {3, 4}}).pad(new int[] {1, 0, 0, 1}, 9)
     * $1 ==> tensor([[9., 1., 2.],
     *         [9., 3., 4.],
     *         [9., 9., 9.]])
     * </pre>
     */
    public Tensor pad(int[] pad, double value) {
        return ConstantPad.pad(this, pad, value);
    }

    // --- indexing ---

    /**
     * {@code out[i][j] = this[i][index[i][j]]} for dim 1 (likewise for other dims); index is int64.
     * <pre>
     * jshell> var x = Tensor.of(new double[][] {{1, 2}, {3, 4}});
     * jshell> x.gather(1, Tensor.of(new long[][] {{0, 0}, {1, 0}}))
     * $2 ==> tensor([[1., 1.],
     *         [4., 3.]])
     * </pre>
     */
    public Tensor gather(int dim, Tensor index) {
        return new Gather(dim, index).apply(this);
    }

    /**
     * A copy with {@code src[i][j]} added at {@code [i][index[i][j]]} for dim 1 (likewise for other dims).
     * <pre>
     * jshell> Tensor.zeros(3).scatterAdd(0, Tensor.of(new long[] {0, 2, 0}), Tensor.of(1, 2, 3))
     * $1 ==> tensor([4., 0., 2.])
     * </pre>
     */
    public Tensor scatterAdd(int dim, Tensor index, Tensor src) {
        return new ScatterAdd(dim, index).apply(this, src);
    }

    /**
     * The slices at the int64 {@code index} positions along {@code dim}.
     * <pre>
     * jshell> Tensor.arange(6).reshape(3, 2).indexSelect(0, Tensor.of(new long[] {2, 0}))
     * $1 ==> tensor([[4, 5],
     *         [0, 1]])
     * </pre>
     */
    public Tensor indexSelect(int dim, Tensor index) {
        return new IndexSelect(dim, index).apply(this);
    }

    /**
     * {@code value} where the bool {@code mask} (broadcast to this shape) is true.
     * <pre>
     * jshell> var x = Tensor.of(-1, 2, -3);
     * jshell> x.maskedFill(x.lt(0), 0)
     * $2 ==> tensor([0., 2., 0.])
     * </pre>
     */
    public Tensor maskedFill(Tensor mask, double value) {
        return new MaskedFill(mask, value).apply(this);
    }

    /**
     * One-hot encoding of int64 class indices: a new last dim of size {@code numClasses} (-1: infer).
     * <pre>
     * jshell> Tensor.of(new long[] {0, 2}).oneHot(3)
     * $1 ==> tensor([[1, 0, 0],
     *         [0, 0, 1]])
     * </pre>
     */
    public Tensor oneHot(int numClasses) {
        return Discrete.oneHot(this, numClasses);
    }

    // --- in place (no graph; versions bumped) ---

    /**
     * {@code this += other} (broadcast into this shape, in this dtype); returns this.
     * <pre>
     * jshell> var p = Tensor.zeros(2);
     * jshell> p.addi(Tensor.of(1, 2))
     * $2 ==> tensor([1., 2.])
     * jshell> p
     * p ==> tensor([1., 2.])
     * </pre>
     */
    public Tensor addi(Tensor other) {
        return InPlace.binary(this, "addi", Binary.ADD, other);
    }

    /**
     * {@code this += alpha * other} in one pass, the optimizer update (PyTorch's {@code add_(other, alpha=)}).
     * <pre>
     * jshell> var p = Tensor.ones(2);
     * jshell> p.addi(Tensor.of(1, 2), -0.5)
     * $2 ==> tensor([0.5000, 0.0000])
     * </pre>
     */
    public Tensor addi(Tensor other, double alpha) {
        return InPlace.axpy(this, other, alpha);
    }

    /**
     * {@code this += value * tensor1 * tensor2} in one pass (PyTorch's {@code addcmul_}); same shapes.
     * <pre>
     * jshell> Tensor.ones(2).addcmuli(Tensor.of(1, 2), Tensor.of(3, 4), 0.5)
     * $1 ==> tensor([2.5000, 5.0000])
     * </pre>
     */
    public Tensor addcmuli(Tensor tensor1, Tensor tensor2, double value) {
        return InPlace.addcmul(this, "addcmuli", tensor1, tensor2, value, false);
    }

    /**
     * {@code this += value * tensor1 / tensor2} in one pass (PyTorch's {@code addcdiv_}); same shapes.
     * <pre>
     * jshell> Tensor.ones(2).addcdivi(Tensor.of(1, 2), Tensor.of(4, 4), 2)
     * $1 ==> tensor([1.5000, 2.0000])
     * </pre>
     */
    public Tensor addcdivi(Tensor tensor1, Tensor tensor2, double value) {
        return InPlace.addcmul(this, "addcdivi", tensor1, tensor2, value, true);
    }

    /**
     * {@code this += value}; returns this.
     * <pre>
     * jshell> Tensor.arange(3).addi(10)
     * $1 ==> tensor([10, 11, 12])
     * </pre>
     */
    public Tensor addi(double value) {
        return addi(Ops.scalar(this, value));
    }

    /**
     * {@code this -= other}; returns this.
     * <pre>
     * jshell> Tensor.of(5, 7).subi(Tensor.of(1, 2))
     * $1 ==> tensor([4., 5.])
     * jshell> Tensor.of(5, 7).subi(1)
     * $2 ==> tensor([4., 6.])
     * </pre>
     */
    public Tensor subi(Tensor other) {
        return InPlace.binary(this, "subi", Binary.SUB, other);
    }

    public Tensor subi(double value) {
        return subi(Ops.scalar(this, value));
    }

    /**
     * {@code this *= other}; returns this.
     * <pre>
     * jshell> Tensor.of(1, 2).muli(Tensor.of(3, 4))
     * $1 ==> tensor([3., 8.])
     * jshell> Tensor.of(1, 2).muli(-1)
     * $2 ==> tensor([-1., -2.])
     * </pre>
     */
    public Tensor muli(Tensor other) {
        return InPlace.binary(this, "muli", Binary.MUL, other);
    }

    public Tensor muli(double value) {
        return muli(Ops.scalar(this, value));
    }

    /**
     * {@code this /= other}; returns this. An int64 tensor cannot hold the float32 result: use div.
     * <pre>
     * jshell> Tensor.of(1, 2).divi(Tensor.of(4, 4))
     * $1 ==> tensor([0.2500, 0.5000])
     * jshell> Tensor.of(1, 2).divi(2)
     * $2 ==> tensor([0.5000, 1.0000])
     * </pre>
     */
    public Tensor divi(Tensor other) {
        return InPlace.binary(this, "divi", Binary.DIV, other);
    }

    public Tensor divi(double value) {
        return divi(Ops.scalar(this, value));
    }

    /**
     * Every element set to {@code value}; returns this.
     * <pre>
     * jshell> Tensor.zeros(3).fill(0.5)
     * $1 ==> tensor([0.5000, 0.5000, 0.5000])
     * </pre>
     */
    public Tensor fill(double value) {
        return InPlace.fill(this, "fill", value);
    }

    /**
     * Every element set to 0; returns this (PyTorch's {@code zero_}).
     * <pre>
     * jshell> Tensor.of(1, 2).zeroi()
     * $1 ==> tensor([0., 0.])
     * </pre>
     */
    public Tensor zeroi() {
        return InPlace.fill(this, "zeroi", 0);
    }

    /**
     * Copies {@code src} (broadcast, converted) into this tensor's storage: PyTorch's {@code copy_}.
     * <pre>
     * jshell> var dst = Tensor.zeros(DType.INT64, 2, 2);
     * jshell> dst.copyFrom(Tensor.of(1.7, 2.2))
     * $2 ==> tensor([[1, 2],
     *         [1, 2]])
     * </pre>
     */
    public Tensor copyFrom(Tensor src) {
        return InPlace.copy(this, src);
    }

    /**
     * Makes this leaf hold {@code src}'s values and dtype (sharing its storage) while staying the same
     * object: PyTorch's {@code t.data = src}, which {@code Module.to} uses so that layer fields and
     * optimizers holding the parameter see the converted values. A gradient is converted along.
     * <pre>
     * jshell> var w = Tensor.zeros(2).requiresGrad(true);
     * jshell> w.setData(Tensor.of(DType.FLOAT64, 1, 2))
     * $2 ==> tensor([1., 2.], dtype=float64, requires_grad=True)
     * </pre>
     */
    public Tensor setData(Tensor src) {
        return Autograd.setData(this, src);
    }

    // --- autograd ---

    /**
     * Marks this leaf for gradient accumulation (floating point only); returns this, for chaining.
     * <pre>
     * jshell> Tensor.of(1, 2).requiresGrad(true)
     * $1 ==> tensor([1., 2.], requires_grad=True)
     * </pre>
     */
    public Tensor requiresGrad(boolean requiresGrad) {
        return Autograd.requiresGrad(this, requiresGrad);
    }

    /**
     * Whether autograd records ops on this tensor: set on leaves, inherited by results.
     * <pre>
     * jshell> var a = Tensor.of(1.0).requiresGrad(true);
     * jshell> a.mul(2).requiresGrad()
     * $2 ==> true
     * jshell> Tensor.of(1.0).requiresGrad()
     * $3 ==> false
     * </pre>
     */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /**
     * True for tensors the user created (and for results of ops that needed no gradient).
     * <pre>
     * jshell> var a = Tensor.of(1.0).requiresGrad(true);
     * jshell> a.isLeaf()
     * $2 ==> true
     * jshell> a.mul(2).isLeaf()
     * $3 ==> false
     * </pre>
     */
    public boolean isLeaf() {
        return gradFn == null;
    }

    /**
     * The accumulated gradient; null until a backward pass reaches this leaf (or after zeroGrad).
     * <pre>
     * jshell> var a = Tensor.of(1, 2).requiresGrad(true);
     * jshell> a.pow(2).sum().backward(); a.grad()
     * $3 ==> tensor([2., 4.])
     * </pre>
     */
    public Tensor grad() {
        return grad;
    }

    /**
     * Replaces the gradient (null clears it, as PyTorch's {@code p.grad = None}). A later backward adds
     * into the tensor given here in place, as PyTorch's does.
     * <pre>
     * jshell> var a = Tensor.of(1, 2).requiresGrad(true);
     * jshell> a.setGrad(Tensor.of(10, 10)); a.sum().backward(); a.grad()
     * $4 ==> tensor([11., 11.])
     * </pre>
     */
    public void setGrad(Tensor grad) {
        Autograd.setGrad(this, grad);
    }

    /**
     * Clears the gradient (PyTorch 2's default {@code zero_grad(set_to_none=True)}).
     * <pre>
     * jshell> var a = Tensor.of(1, 2).requiresGrad(true);
     * jshell> a.sum().backward(); a.zeroGrad(); a.grad()
     * $4 ==> null
     * </pre>
     */
    public void zeroGrad() {
        grad = null;
    }

    /**
     * The op that produced this tensor, printed like PyTorch's grad_fn ({@code <MulBackward0>}); null for leaves.
     * <pre>
     * jshell> Tensor.of(1.0).requiresGrad(true).exp().gradFn()
     * $1 ==> &lt;ExpBackward0&gt;
     * </pre>
     */
    public Op gradFn() {
        return gradFn;
    }

    /**
     * Keeps this non-leaf's gradient in {@link #grad()} during backward.
     * <pre>
     * jshell> var a = Tensor.of(1, 2).requiresGrad(true);
     * jshell> var h = a.mul(2).retainGrad(); h.pow(2).sum().backward();
     * jshell> h.grad()
     * $4 ==> tensor([4., 8.])
     * </pre>
     */
    public Tensor retainGrad() {
        return Autograd.retainGrad(this);
    }

    /**
     * Whether {@link #retainGrad()} was called on this non-leaf.
     * <pre>
     * jshell> var h = Tensor.of(1.0).requiresGrad(true).mul(2);
     * jshell> h.retainsGrad()
     * $2 ==> false
     * jshell> h.retainGrad().retainsGrad()
     * $3 ==> true
     * </pre>
     */
    public boolean retainsGrad() {
        return Autograd.retainsGrad(this);
    }

    /**
     * The same storage, cut from the graph: no gradient flows back through it.
     * <pre>
     * jshell> var a = Tensor.of(1, 2).requiresGrad(true);
     * jshell> a.mul(2).detach()
     * $2 ==> tensor([2., 4.])
     * </pre>
     */
    public Tensor detach() {
        return new Tensor(storage, shape);
    }

    /**
     * Back-propagates from this one-element tensor into every leaf that requires grad.
     * <pre>
     * jshell> var a = Tensor.of(1, 2).requiresGrad(true);
     * jshell> a.mul(a).sum().backward(); a.grad()
     * $3 ==> tensor([2., 4.])
     * </pre>
     */
    public void backward() {
        Autograd.backward(this);
    }

    /**
     * Back-propagates with {@code gradient} as d(loss)/d(this), for non-scalar outputs.
     * <pre>
     * jshell> var a = Tensor.of(1, 2).requiresGrad(true);
     * jshell> a.mul(3).backward(Tensor.of(1, 10)); a.grad()
     * $3 ==> tensor([ 3., 30.])
     * </pre>
     */
    public void backward(Tensor gradient) {
        backward(gradient, false);
    }

    /**
     * As {@link #backward(Tensor)}; {@code retainGraph} keeps saved tensors for another backward.
     * <pre>
     * jshell> var a = Tensor.of(2.0).requiresGrad(true); var y = a.pow(2);
     * jshell> y.backward(Tensor.of(1.0), true); y.backward(Tensor.of(1.0), false); a.grad()
     * $5 ==> tensor(8.)
     * </pre>
     */
    public void backward(Tensor gradient, boolean retainGraph) {
        Autograd.backward(this, gradient, retainGraph);
    }

    /**
     * Turns recording off until the returned scope closes: {@code try (var g = Tensor.noGrad()) { ... }}.
     * <pre>
     * jshell> var a = Tensor.of(1, 2).requiresGrad(true); Tensor y;
     * jshell> try (var g = Tensor.noGrad()) { y = a.mul(2); }
     * jshell> y.requiresGrad()
     * $4 ==> false
     * </pre>
     */
    public static GradMode noGrad() {
        return GradMode.noGrad();
    }

    /**
     * Turns recording back on inside a {@link #noGrad()} scope.
     * <pre>
     * jshell> var a = Tensor.of(1, 2).requiresGrad(true); Tensor y;
     * jshell> try (var off = Tensor.noGrad(); var on = Tensor.enableGrad()) { y = a.mul(2); }
     * jshell> y.requiresGrad()
     * $4 ==> true
     * </pre>
     */
    public static GradMode enableGrad() {
        return GradMode.enableGrad();
    }

    /**
     * Whether ops record a graph on this thread: true unless inside {@link #noGrad()}.
     * <pre>
     * jshell> boolean inside; try (var g = Tensor.noGrad()) { inside = Tensor.isGradEnabled(); }
     * jshell> inside
     * inside ==> false
     * jshell> Tensor.isGradEnabled()
     * $4 ==> true
     * </pre>
     */
    public static boolean isGradEnabled() {
        return GradMode.isEnabled();
    }

    /**
     * Anomaly detection until the scope closes, PyTorch's {@code torch.autograd.detect_anomaly()}: a
     * backward that returns NaN or inf fails, naming the op and the line that created it.
     *
     * <pre>
     * jshell> var x = Tensor.of(-1.0).requiresGrad(true);
     * jshell> var message = "";
     * jshell> try (var a = Tensor.detectAnomaly()) { x.sqrt().sum().backward(); }
     *    ...> catch (IllegalStateException e) { message = e.getMessage(); }
     * jshell> message
     * message ==> "Function 'SqrtBackward0' returned nan values in its 0th output; its inputs had shapes [[]]; ..."
     * </pre>
     */
    public static AnomalyMode detectAnomaly() {
        return AnomalyMode.enable();
    }

    /**
     * Whether a {@link #detectAnomaly()} scope is open on this thread.
     * <pre>
     * jshell> Tensor.isAnomalyEnabled()
     * $1 ==> false
     * </pre>
     */
    public static boolean isAnomalyEnabled() {
        return AnomalyMode.isEnabled();
    }

    // --- printing ---

    @Override
    /**
     * PyTorch's printing: {@code tensor([...])} with the dtype when not the default, and grad_fn or requires_grad.
     * <pre>
     * jshell> Tensor.of(1, 2).requiresGrad(true).mul(2).toString()
     * $1 ==> "tensor([2., 4.], grad_fn=&lt;MulBackward0&gt;)"
     * </pre>
     */
    public String toString() {
        return TensorFormat.format(this);
    }

    // --- engine internals ---

    Object data() {
        return storage.data;
    }

    /** The elements as an int64 heap array (indices and targets, which kernels take on the host). */
    long[] longData() {
        return (long[]) kernels().host(storage.data);
    }

    /** The elements as a heap array; may be the storage itself, so never write to it. */
    Object host() {
        return kernels().host(storage.data);
    }

    /** The kernels of this tensor's device. */
    io.jgrad.core.kernel.Kernels kernels() {
        return storage.device.kernels();
    }

    int version() {
        return storage.version;
    }

    void bumpVersion() {
        storage.version++;
    }

    /** Sets a gradient the engine computed; {@code owned}: nothing else can hold its storage. */
    void setEngineGrad(Tensor g, boolean owned) {
        grad = g;
        gradOwned = owned;
    }

    boolean ownsGrad() {
        return gradOwned;
    }

    void setRequiresGradFlag(boolean value) {
        requiresGrad = value;
    }

    /** Takes {@code src}'s storage and dtype: {@link #setData}'s assignment. */
    void adopt(Tensor src) {
        storage = src.storage;
        dtype = src.dtype;
    }

    void setGradFn(Op op) {
        gradFn = op;
        requiresGrad = true;
    }

    /** A new Tensor object over the same storage and shape (so a graph node never rewires an input). */
    Tensor alias() {
        return new Tensor(storage, shape);
    }

    /** A tensor over this storage with another shape of the same size. */
    Tensor share(int[] newShape) {
        return new Tensor(storage, newShape);
    }
}
