package io.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.core.Fused;
import io.jgrad.core.Generator;
import io.jgrad.core.GradCheck;
import io.jgrad.core.Tensor;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Central-difference gradcheck, in float64, of every layer's function with respect to each input. */
class LayerGradCheckTest {
    private static final Generator G = new Generator(14);

    private static Tensor randn(int... shape) {
        return Tensor.randn(G, shape).toDouble();
    }

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        int[] one = {1}, two = {2, 2};
        b.add(of("conv2d", in -> F.conv2d(in[0], in[1], in[2], one, one, one, 1), randn(2, 2, 4, 5), randn(3, 2, 3, 3),
                randn(3)));
        b.add(of("conv2d stride dilation rect", in -> F.conv2d(in[0], in[1], in[2], new int[] {2, 1}, new int[] {0, 2},
                new int[] {1, 2}, 1), randn(1, 2, 5, 5), randn(2, 2, 2, 3), randn(2)));
        b.add(of("conv2d groups", in -> F.conv2d(in[0], in[1], null, one, one, one, 2), randn(1, 4, 3, 3),
                randn(4, 2, 2, 2)));
        b.add(of("conv2d 16 channels, shifted products", in -> F.conv2d(in[0], in[1], in[2], one, new int[] {1, 2}, two, 1),
                randn(1, 16, 3, 4), randn(2, 16, 2, 3), randn(2)));
        b.add(of("conv2d unbatched", in -> F.conv2d(in[0], in[1], in[2]), randn(2, 3, 3), randn(1, 2, 2, 2), randn(1)));
        b.add(of("conv1d", in -> F.conv1d(in[0], in[1], in[2], 2, 1, 2, 1), randn(2, 2, 7), randn(3, 2, 2), randn(3)));
        for (Fused.BlockLayout layout : Fused.BlockLayout.values()) {
            b.add(of("im2col " + layout, in -> Fused.im2col(in[0], new int[] {2, 3}, new int[] {2, 1}, new int[] {1, 2},
                    two, 0, layout), randn(2, 2, 4, 5)));
        }
        b.add(of("maxPool2d", in -> F.maxPool2d(in[0], new int[] {3}, two, one, one), randn(2, 2, 5, 6)));
        b.add(of("maxPool2d overlapping dilated", in -> F.maxPool2d(in[0], new int[] {2, 3}, one, one, new int[] {2, 1}),
                randn(1, 2, 5, 5)));
        b.add(of("avgPool2d", in -> F.avgPool2d(in[0], new int[] {3}, two, one, true), randn(2, 2, 5, 6)));
        b.add(of("avgPool2d exclude pad", in -> F.avgPool2d(in[0], new int[] {3}, two, one, false), randn(2, 5, 6)));
        b.add(of("adaptiveAvgPool2d", in -> F.adaptiveAvgPool2d(in[0], new int[] {3, 4}), randn(2, 2, 5, 7)));
        b.add(of("batchNorm training 4-D", in -> F.batchNorm(in[0], null, null, in[1], in[2], true, 0.1, 1e-5),
                randn(3, 2, 2, 3), randn(2), randn(2)));
        b.add(of("batchNorm training 2-D no affine", in -> F.batchNorm(in[0], null, null, null, null, true, 0.1, 1e-3),
                randn(4, 3)));
        Tensor runningMean = randn(3), runningVar = randn(3).abs();  // constants: PyTorch refuses them requiring grad
        b.add(of("batchNorm eval", in -> F.batchNorm(in[0], runningMean, runningVar, in[1], in[2], false, 0.1, 1e-5),
                randn(2, 3, 4), randn(3), randn(3)));
        b.add(of("layerNorm", in -> F.layerNorm(in[0], new int[] {2, 3}, in[1], in[2], 1e-5), randn(3, 2, 3), randn(2, 3),
                randn(2, 3)));
        b.add(of("layerNorm no affine", in -> F.layerNorm(in[0], new int[] {4}, null, null, 1e-5), randn(3, 4)));
        return b.build();
    }

    private static Arguments of(String name, Function<Tensor[], Tensor> f, Tensor... inputs) {
        return Arguments.of(name, f, inputs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradcheck(String name, Function<Tensor[], Tensor> f, Tensor[] inputs) {
        for (int i = 0; i < inputs.length; i++) {
            Tensor[] in = new Tensor[inputs.length];
            for (int j = 0; j < in.length; j++) in[j] = inputs[j].detach().clone().requiresGrad(j == i);
            assertTrue(GradCheck.check(f, in), name + ": input " + i);
        }
    }
}
