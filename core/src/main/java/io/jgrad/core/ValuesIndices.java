package io.jgrad.core;

/**
 * The values an op selected and their int64 indices along its dim, as PyTorch's named tuples
 * ({@code torch.return_types.max}, {@code sort}, {@code topk}) hold them.
 *
 * <pre>
 * jshell> var r = Tensor.of(new double[][] {{1, 5}, {7, 2}}).max(1);
 * jshell> r.values()
 * $2 ==> tensor([5., 7.])
 * jshell> r.indices()
 * $3 ==> tensor([1, 0])
 * </pre>
 */
public record ValuesIndices(Tensor values, Tensor indices) {}
