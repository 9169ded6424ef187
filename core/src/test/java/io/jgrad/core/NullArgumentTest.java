package io.jgrad.core;

import static io.jgrad.core.ErrorAssert.assertErrorOneOf;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Error messages for null arguments: each names the op.
 * The rule they follow is on {@link ErrorAssert}.
 */
class NullArgumentTest {
    private static Tensor leaf(double... v) {
        return Tensor.of(DType.FLOAT32, v).requiresGrad(true);
    }

    static Stream<Arguments> nullArguments() {
        Tensor x = Tensor.zeros(3);
        return Stream.of(
                Arguments.of("add", (Executable) () -> x.add((Tensor) null)),
                Arguments.of("mul", (Executable) () -> x.mul((Tensor) null)),
                Arguments.of("matmul", (Executable) () -> x.matmul(null)),
                Arguments.of("cat", (Executable) () -> Tensor.cat(0, x, null)),
                Arguments.of("gather", (Executable) () -> x.gather(0, null)),
                Arguments.of("where", (Executable) () -> Tensor.where(null, x, x)),
                Arguments.of("to", (Executable) () -> x.to((DType) null)),
                Arguments.of("to", (Executable) () -> x.to((Device) null)),
                Arguments.of("backward", (Executable) () -> leaf(1, 2).mul(2.0).backward(null)));
    }

    /**
     * A null argument should say which op and which argument, like every other error here; Java's
     * default NPE text ("Cannot invoke Tensor.dtype() because <parameter2> is null") names neither.
     */
    @ParameterizedTest(name = "{0}(null)")
    @MethodSource("nullArguments")
    void nullArgumentNamesTheOp(String op, Executable call) {
        assertErrorOneOf(List.of(NullPointerException.class, IllegalArgumentException.class), call, op + ":", "null");
    }
}
