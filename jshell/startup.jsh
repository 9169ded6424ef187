import io.jgrad.core.*;
import io.jgrad.data.*;
import io.jgrad.examples.FashionMnist;
import io.jgrad.nn.*;
import io.jgrad.nn.Module;
import io.jgrad.nn.loss.*;
import io.jgrad.optim.*;
import static io.jgrad.nn.F.*;
import org.nd4j.linalg.factory.Nd4j;
