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
        this.dtype = DType.of(storage.data);
    }

    // --- creation ---

    /** A 0-dimensional float32 tensor; {@link #of(double, DType)} for another dtype. */
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
     */
    public static Tensor of(float... values) {
        return Creation.vector(values);
    }

    /** A 1-D float32 tensor; call {@link #toDouble()} for float64. */
    public static Tensor of(double... values) {
        return Creation.vector(values);
    }

    /** A 2-D float32 tensor from rectangular rows. */
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

    /** A 1-D int64 tensor, e.g. class indices: {@code Tensor.of(new long[] {3, 0, 1})}. */
    public static Tensor of(long[] values) {
        return Creation.vector(values);
    }

    /** A 1-D int64 tensor from Java ints. */
    public static Tensor of(int[] values) {
        return Creation.vector(values);
    }

    /** A 2-D int64 tensor from rectangular rows. */
    public static Tensor of(long[][] rows) {
        return Creation.of(rows, DType.INT64);
    }

    /** A 2-D tensor of {@code dtype} from rectangular rows of longs. */
    public static Tensor of(long[][] rows, DType dtype) {
        return Creation.of(rows, dtype);
    }

    /** A 1-D bool tensor: {@code Tensor.of(true, false)}. */
    public static Tensor of(boolean... values) {
        return Creation.vector(values);
    }

    /** A 1-D tensor of the given dtype: {@code Tensor.of(DType.FLOAT64, 0.1, 0.2)} keeps every double bit. */
    public static Tensor of(DType dtype, double... values) {
        return Creation.vector(dtype, values);
    }

    /**
     * A tensor over a copy of a Java array with the given shape; the dtype follows the array type
     * (double[] gives float64), as {@code torch.from_numpy} follows the NumPy dtype.
     */
    public static Tensor fromArray(Object data, int... shape) {
        return Creation.fromArray(data, shape);
    }

    public static Tensor zeros(int... shape) {
        return Creation.full("zeros", 0, DType.FLOAT32, shape);
    }

    public static Tensor zeros(DType dtype, int... shape) {
        return Creation.full("zeros", 0, dtype, shape);
    }

    public static Tensor ones(int... shape) {
        return Creation.full("ones", 1, DType.FLOAT32, shape);
    }

    public static Tensor ones(DType dtype, int... shape) {
        return Creation.full("ones", 1, dtype, shape);
    }

    public static Tensor full(double value, int... shape) {
        return full(value, DType.FLOAT32, shape);
    }

    public static Tensor full(double value, DType dtype, int... shape) {
        return Creation.full("full", value, dtype, shape);
    }

    /** Uninitialised in PyTorch; zero-filled here, since a Java array always is. */
    public static Tensor empty(int... shape) {
        return Creation.full("empty", 0, DType.FLOAT32, shape);
    }

    public static Tensor zerosLike(Tensor t) {
        return zeros(t.dtype, t.shape);
    }

    public static Tensor onesLike(Tensor t) {
        return ones(t.dtype, t.shape);
    }

    /** 0, 1, ..., end - 1 as int64. */
    public static Tensor arange(long end) {
        return arange(0, end);
    }

    public static Tensor arange(long start, long end) {
        return arange(start, end, 1);
    }

    public static Tensor arange(long start, long end, long step) {
        return Creation.arange(start, end, step, DType.INT64);
    }

    /** start, start + step, ... below end, as float32. */
    public static Tensor arange(double start, double end, double step) {
        return Creation.arange(start, end, step, DType.FLOAT32);
    }

    public static Tensor linspace(double start, double end, int steps) {
        return Creation.linspace(start, end, steps);
    }

    public static Tensor eye(int n) {
        return eye(n, n);
    }

    public static Tensor eye(int n, int m) {
        return Creation.eye(n, m);
    }

    /** Uniform in [0, 1) from the global generator (see {@link #manualSeed}). */
    public static Tensor rand(int... shape) {
        return rand(Generator.global(), shape);
    }

    public static Tensor rand(Generator g, int... shape) {
        return Creation.random(shape, g::nextUniform);
    }

    /** Standard normal from the global generator. */
    public static Tensor randn(int... shape) {
        return randn(Generator.global(), shape);
    }

    public static Tensor randn(Generator g, int... shape) {
        return Creation.random(shape, g::nextGaussian);
    }

    /** Uniform int64 in [low, high). */
    public static Tensor randint(long low, long high, int... shape) {
        return randint(Generator.global(), low, high, shape);
    }

    public static Tensor randint(Generator g, long low, long high, int... shape) {
        return Creation.randint(g, low, high, shape);
    }

    /**
     * Reseeds the global generator, like {@code torch.manual_seed}: runs repeat for a seed, but the
     * numbers drawn differ from PyTorch's for the same seed (jgrad's generator is not PyTorch's).
     */
    public static void manualSeed(long seed) {
        Generator.global().manualSeed(seed);
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

    /** A copy of an ND4J array (FLOAT, DOUBLE, integer types as int64, BOOL). */
    public static Tensor from(INDArray array) {
        return Creation.from(array);
    }

    /** A copy of this tensor's data as an ND4J array, to cross into ND4J. */
    public INDArray nd4j() {
        return Creation.nd4j(this);
    }

    // --- properties ---

    public int[] shape() {
        return shape.clone();
    }

    public int size(int dim) {
        return Ops.size(this, dim);
    }

    public int dim() {
        return shape.length;
    }

    public int numel() {
        return Buffers.length(storage.data);
    }

    public DType dtype() {
        return dtype;
    }

    // --- conversion ---

    /** The single value of a one-element tensor. */
    public double item() {
        return Ops.item(this);
    }

    public double[] toDoubleArray() {
        return Buffers.toDoubles(storage.data);
    }

    public float[] toFloatArray() {
        return Buffers.toFloats(storage.data);
    }

    public long[] toLongArray() {
        return Buffers.toLongs(storage.data);
    }

    public boolean[] toBooleanArray() {
        return Buffers.toBools(storage.data);
    }

    /** This tensor in another dtype: itself when it already has it, else a differentiable copy. */
    public Tensor to(DType type) {
        return ToCopy.to(this, type);
    }

    /** Same as {@link #to(DType)}. */
    public Tensor toType(DType type) {
        return to(type);
    }

    public Tensor toFloat() {
        return to(DType.FLOAT32);
    }

    public Tensor toDouble() {
        return to(DType.FLOAT64);
    }

    public Tensor toLong() {
        return to(DType.INT64);
    }

    public Tensor toBool() {
        return to(DType.BOOL);
    }

    /** A differentiable copy with its own storage. */
    public Tensor clone() {
        return new ToCopy(dtype, "CloneBackward0").apply(this);
    }

    // --- math ---

    public Tensor add(Tensor other) {
        return new Add().apply(this, other);
    }

    public Tensor add(double value) {
        return add(Ops.scalar(this, value));
    }

    /** {@code this + alpha * other}, like PyTorch's {@code add(other, alpha=...)}. */
    public Tensor add(Tensor other, double alpha) {
        return Add.scaled(this, other, alpha);
    }

    public Tensor sub(Tensor other) {
        return new Sub().apply(this, other);
    }

    public Tensor sub(double value) {
        return sub(Ops.scalar(this, value));
    }

    public Tensor mul(Tensor other) {
        return new Mul().apply(this, other);
    }

    public Tensor mul(double value) {
        return mul(Ops.scalar(this, value));
    }

    /** True division: integer inputs give float32, as in PyTorch. */
    public Tensor div(Tensor other) {
        return new Div().apply(this, other);
    }

    public Tensor div(double value) {
        return div(Ops.scalar(this, value));
    }

    public Tensor neg() {
        return Neg.neg(this);
    }

    public Tensor pow(double exponent) {
        return new Pow(exponent).apply(this, Ops.scalar(this, exponent));
    }

    public Tensor pow(Tensor exponent) {
        return new Pow().apply(this, exponent);
    }

    public Tensor exp() {
        return new Exp().apply(this);
    }

    public Tensor log() {
        return new Log().apply(this);
    }

    public Tensor log1p() {
        return new Log1p().apply(this);
    }

    public Tensor sqrt() {
        return new Sqrt().apply(this);
    }

    public Tensor abs() {
        return new Abs().apply(this);
    }

    /** -1, 0 or 1 per element; no gradient flows through it. */
    public Tensor sign() {
        return Discrete.sign(this);
    }

    public Tensor tanh() {
        return new Tanh().apply(this);
    }

    public Tensor sigmoid() {
        return new Sigmoid().apply(this);
    }

    public Tensor relu() {
        return new Relu().apply(this);
    }

    /** Clamps into [min, max]; pass {@code Double.NaN} for no bound on one side. */
    public Tensor clamp(double min, double max) {
        return new Clamp(min, max).apply(this);
    }

    public Tensor clampMin(double min) {
        return clamp(min, Double.NaN);
    }

    public Tensor clampMax(double max) {
        return clamp(Double.NaN, max);
    }

    public Tensor maximum(Tensor other) {
        return new Maximum(true).apply(this, other);
    }

    public Tensor minimum(Tensor other) {
        return new Maximum(false).apply(this, other);
    }

    /** Elements of {@code a} where {@code condition} holds, else of {@code b}, all broadcast together. */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        return new Where(condition).apply(a, b);
    }

    /** {@code where(condition, this, other)}, PyTorch's {@code x.where(condition, y)}. */
    public Tensor where(Tensor condition, Tensor other) {
        return where(condition, this, other);
    }

    /**
     * Matrix product with PyTorch's rules: 1-D·1-D is a dot product, a 1-D operand is treated as a
     * row (first) or column (second) vector and that dim removed, 3-D operands are batches.
     */
    public Tensor matmul(Tensor other) {
        return MatMul.matmul(this, other);
    }

    // --- reductions ---

    /** Sum over {@code dims} (all when none), dropping them. */
    public Tensor sum(int... dims) {
        return sum(dims, false);
    }

    public Tensor sum(int dim, boolean keepdim) {
        return sum(new int[] {dim}, keepdim);
    }

    public Tensor sum(int[] dims, boolean keepdim) {
        return new Sum(dims.clone(), keepdim).apply(this);
    }

    public Tensor mean(int... dims) {
        return mean(dims, false);
    }

    public Tensor mean(int dim, boolean keepdim) {
        return mean(new int[] {dim}, keepdim);
    }

    public Tensor mean(int[] dims, boolean keepdim) {
        return new Mean(dims.clone(), keepdim).apply(this);
    }

    public Tensor amax(int... dims) {
        return amax(dims, false);
    }

    public Tensor amax(int dim, boolean keepdim) {
        return amax(new int[] {dim}, keepdim);
    }

    public Tensor amax(int[] dims, boolean keepdim) {
        return new Extreme(dims.clone(), keepdim, true).apply(this);
    }

    public Tensor amin(int... dims) {
        return amin(dims, false);
    }

    public Tensor amin(int dim, boolean keepdim) {
        return amin(new int[] {dim}, keepdim);
    }

    public Tensor amin(int[] dims, boolean keepdim) {
        return new Extreme(dims.clone(), keepdim, false).apply(this);
    }

    /** log Σ exp over {@code dim}, computed without overflow. */
    public Tensor logsumexp(int dim) {
        return logsumexp(new int[] {dim}, false);
    }

    public Tensor logsumexp(int dim, boolean keepdim) {
        return logsumexp(new int[] {dim}, keepdim);
    }

    public Tensor logsumexp(int[] dims, boolean keepdim) {
        return new LogSumExp(dims.clone(), keepdim).apply(this);
    }

    /** Softmax along {@code dim} (required: PyTorch's implicit-dim guess is deprecated). */
    public Tensor softmax(int dim) {
        return new SoftmaxOp(dim, false).apply(this);
    }

    /** log(softmax) along {@code dim}, computed stably in one pass. */
    public Tensor logSoftmax(int dim) {
        return new SoftmaxOp(dim, true).apply(this);
    }

    /** Index of the largest element of the flattened tensor (int64, 0-D). */
    public Tensor argmax() {
        return Discrete.argmax(this, null, false);
    }

    public Tensor argmax(int dim) {
        return Discrete.argmax(this, dim, false);
    }

    public Tensor argmax(int dim, boolean keepdim) {
        return Discrete.argmax(this, dim, keepdim);
    }

    // --- comparison and logic (bool results, no gradient) ---

    public Tensor eq(Tensor other) {
        return Discrete.compare("eq", Compare.EQ, this, other);
    }

    public Tensor eq(double value) {
        return Discrete.compare("eq", Compare.EQ, this, value);
    }

    public Tensor ne(Tensor other) {
        return Discrete.compare("ne", Compare.NE, this, other);
    }

    public Tensor ne(double value) {
        return Discrete.compare("ne", Compare.NE, this, value);
    }

    public Tensor gt(Tensor other) {
        return Discrete.compare("gt", Compare.GT, this, other);
    }

    public Tensor gt(double value) {
        return Discrete.compare("gt", Compare.GT, this, value);
    }

    public Tensor ge(Tensor other) {
        return Discrete.compare("ge", Compare.GE, this, other);
    }

    public Tensor ge(double value) {
        return Discrete.compare("ge", Compare.GE, this, value);
    }

    public Tensor lt(Tensor other) {
        return Discrete.compare("lt", Compare.LT, this, other);
    }

    public Tensor lt(double value) {
        return Discrete.compare("lt", Compare.LT, this, value);
    }

    public Tensor le(Tensor other) {
        return Discrete.compare("le", Compare.LE, this, other);
    }

    public Tensor le(double value) {
        return Discrete.compare("le", Compare.LE, this, value);
    }

    public Tensor logicalAnd(Tensor other) {
        return Discrete.logical("logicalAnd", this, other, true);
    }

    public Tensor logicalOr(Tensor other) {
        return Discrete.logical("logicalOr", this, other, false);
    }

    public Tensor logicalNot() {
        return eq(0.0);
    }

    // --- shape ---

    /** The same data in another shape; one size may be -1 (inferred). Shares storage. */
    public Tensor reshape(int... shape) {
        return Reshape.reshape(this, shape);
    }

    /** Same as {@link #reshape}: storage is always contiguous, so a view is always possible. */
    public Tensor view(int... shape) {
        return Reshape.view(this, shape);
    }

    public Tensor flatten() {
        return flatten(0, -1);
    }

    /** Merges dims {@code startDim..endDim} into one. */
    public Tensor flatten(int startDim, int endDim) {
        return Reshape.flatten(this, startDim, endDim);
    }

    /** Removes all dims of size 1. */
    public Tensor squeeze() {
        return Reshape.squeeze(this);
    }

    /** Removes {@code dim} if its size is 1 (else returns the same shape, as PyTorch does). */
    public Tensor squeeze(int dim) {
        return Reshape.squeeze(this, dim);
    }

    /** Inserts a dim of size 1 at {@code dim} (in [-dim()-1, dim()]). */
    public Tensor unsqueeze(int dim) {
        return Reshape.unsqueeze(this, dim);
    }

    /** Swaps two dims (a copy). */
    public Tensor transpose(int dim0, int dim1) {
        return Permute.transpose(this, dim0, dim1);
    }

    /** Transpose of a matrix (0-D and 1-D tensors are returned as they are). */
    public Tensor t() {
        return Permute.t(this);
    }

    /** Reorders dims: output dim i is input dim {@code dims[i]} (a copy). */
    public Tensor permute(int... dims) {
        return Permute.permute(this, dims);
    }

    /** Broadcasts size-1 (or missing leading) dims to {@code shape}; -1 keeps a size. A copy. */
    public Tensor expand(int... shape) {
        return new Expand(shape.clone()).apply(this);
    }

    public Tensor expandAs(Tensor other) {
        return expand(other.shape);
    }

    public Tensor broadcastTo(int... shape) {
        return expand(shape);
    }

    /** {@code length} elements along {@code dim} from {@code start} (a copy). */
    public Tensor narrow(int dim, int start, int length) {
        return Slice.narrow(this, dim, start, length);
    }

    /** Python's {@code x[..., start:end:step, ...]} along {@code dim}; negative and out-of-range bounds clip. */
    public Tensor slice(int dim, int start, int end, int step) {
        return Slice.slice(this, dim, start, end, step);
    }

    public Tensor slice(int dim, int start, int end) {
        return slice(dim, start, end, 1);
    }

    /** The slice at {@code index} along {@code dim}, with that dim removed. */
    public Tensor select(int dim, int index) {
        return Slice.select(this, dim, index);
    }

    /** Concatenates along an existing dim; dtypes are promoted. */
    public static Tensor cat(List<Tensor> tensors, int dim) {
        return new Cat(dim).apply(tensors.toArray(new Tensor[0]));
    }

    public static Tensor cat(int dim, Tensor... tensors) {
        return new Cat(dim).apply(tensors);
    }

    /** Joins equally shaped tensors along a new dim. */
    public static Tensor stack(List<Tensor> tensors, int dim) {
        return Cat.stack(tensors, dim);
    }

    public static Tensor stack(int dim, Tensor... tensors) {
        return stack(List.of(tensors), dim);
    }

    // --- indexing ---

    /** {@code out[i][j] = this[i][index[i][j]]} for dim 1 (likewise for other dims); index is int64. */
    public Tensor gather(int dim, Tensor index) {
        return new Gather(dim, index).apply(this);
    }

    /** A copy with {@code src[i][j]} added at {@code [i][index[i][j]]} for dim 1 (likewise for other dims). */
    public Tensor scatterAdd(int dim, Tensor index, Tensor src) {
        return new ScatterAdd(dim, index).apply(this, src);
    }

    /** The slices at the int64 {@code index} positions along {@code dim}. */
    public Tensor indexSelect(int dim, Tensor index) {
        return new IndexSelect(dim, index).apply(this);
    }

    /** {@code value} where the bool {@code mask} (broadcast to this shape) is true. */
    public Tensor maskedFill(Tensor mask, double value) {
        return new MaskedFill(mask, value).apply(this);
    }

    /** One-hot encoding of int64 class indices: a new last dim of size {@code numClasses} (-1: infer). */
    public Tensor oneHot(int numClasses) {
        return Discrete.oneHot(this, numClasses);
    }

    // --- in place (no graph; versions bumped) ---

    public Tensor addi(Tensor other) {
        return InPlace.binary(this, "addi", Binary.ADD, other);
    }

    /** {@code this += alpha * other} in one pass, the optimizer update (PyTorch's {@code add_(other, alpha=)}). */
    public Tensor addi(Tensor other, double alpha) {
        return InPlace.axpy(this, other, alpha);
    }

    /** {@code this += value * tensor1 * tensor2} in one pass (PyTorch's {@code addcmul_}); same shapes. */
    public Tensor addcmuli(Tensor tensor1, Tensor tensor2, double value) {
        return InPlace.addcmul(this, "addcmuli", tensor1, tensor2, value, false);
    }

    /** {@code this += value * tensor1 / tensor2} in one pass (PyTorch's {@code addcdiv_}); same shapes. */
    public Tensor addcdivi(Tensor tensor1, Tensor tensor2, double value) {
        return InPlace.addcmul(this, "addcdivi", tensor1, tensor2, value, true);
    }

    public Tensor addi(double value) {
        return addi(Ops.scalar(this, value));
    }

    public Tensor subi(Tensor other) {
        return InPlace.binary(this, "subi", Binary.SUB, other);
    }

    public Tensor subi(double value) {
        return subi(Ops.scalar(this, value));
    }

    public Tensor muli(Tensor other) {
        return InPlace.binary(this, "muli", Binary.MUL, other);
    }

    public Tensor muli(double value) {
        return muli(Ops.scalar(this, value));
    }

    public Tensor divi(Tensor other) {
        return InPlace.binary(this, "divi", Binary.DIV, other);
    }

    public Tensor divi(double value) {
        return divi(Ops.scalar(this, value));
    }

    public Tensor fill(double value) {
        return InPlace.fill(this, "fill", value);
    }

    public Tensor zeroi() {
        return InPlace.fill(this, "zeroi", 0);
    }

    /** Copies {@code src} (broadcast, converted) into this tensor's storage: PyTorch's {@code copy_}. */
    public Tensor copyFrom(Tensor src) {
        return InPlace.copy(this, src);
    }

    /**
     * Makes this leaf hold {@code src}'s values and dtype (sharing its storage) while staying the same
     * object: PyTorch's {@code t.data = src}, which {@code Module.to} uses so that layer fields and
     * optimizers holding the parameter see the converted values. A gradient is converted along.
     */
    public Tensor setData(Tensor src) {
        return Autograd.setData(this, src);
    }

    // --- autograd ---

    /** Marks this leaf for gradient accumulation (floating point only); returns this, for chaining. */
    public Tensor requiresGrad(boolean requiresGrad) {
        return Autograd.requiresGrad(this, requiresGrad);
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** True for tensors the user created (and for results of ops that needed no gradient). */
    public boolean isLeaf() {
        return gradFn == null;
    }

    /** The accumulated gradient; null until a backward pass reaches this leaf (or after zeroGrad). */
    public Tensor grad() {
        return grad;
    }

    /**
     * Replaces the gradient (null clears it, as PyTorch's {@code p.grad = None}). A later backward adds
     * into the tensor given here in place, as PyTorch's does.
     */
    public void setGrad(Tensor grad) {
        Autograd.setGrad(this, grad);
    }

    /** Clears the gradient (PyTorch 2's default {@code zero_grad(set_to_none=True)}). */
    public void zeroGrad() {
        grad = null;
    }

    /** The op that produced this tensor, printed like PyTorch's grad_fn ({@code <MulBackward0>}); null for leaves. */
    public Op gradFn() {
        return gradFn;
    }

    /** Keeps this non-leaf's gradient in {@link #grad()} during backward. */
    public Tensor retainGrad() {
        return Autograd.retainGrad(this);
    }

    public boolean retainsGrad() {
        return Autograd.retainsGrad(this);
    }

    /** The same storage, cut from the graph: no gradient flows back through it. */
    public Tensor detach() {
        return new Tensor(storage, shape);
    }

    /** Back-propagates from this one-element tensor into every leaf that requires grad. */
    public void backward() {
        Autograd.backward(this);
    }

    /** Back-propagates with {@code gradient} as d(loss)/d(this), for non-scalar outputs. */
    public void backward(Tensor gradient) {
        backward(gradient, false);
    }

    /** As {@link #backward(Tensor)}; {@code retainGraph} keeps saved tensors for another backward. */
    public void backward(Tensor gradient, boolean retainGraph) {
        Autograd.backward(this, gradient, retainGraph);
    }

    /** Turns recording off until the returned scope closes: {@code try (var g = Tensor.noGrad()) { ... }}. */
    public static GradMode noGrad() {
        return GradMode.noGrad();
    }

    /** Turns recording back on inside a {@link #noGrad()} scope. */
    public static GradMode enableGrad() {
        return GradMode.enableGrad();
    }

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

    public static boolean isAnomalyEnabled() {
        return AnomalyMode.isEnabled();
    }

    // --- printing ---

    @Override
    public String toString() {
        return TensorFormat.format(this);
    }

    // --- engine internals ---

    Object data() {
        return storage.data;
    }

    long[] longData() {
        return (long[]) storage.data;
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
