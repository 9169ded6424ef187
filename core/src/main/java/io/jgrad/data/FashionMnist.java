package io.jgrad.data;

import io.jgrad.core.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zalando's Fashion-MNIST: 28×28 grey images of 10 kinds of clothing, as float32 in [0, 1] (like
 * torchvision's ToTensor) with int64 labels. Looks for the four IDX gz files in, in order: an explicit
 * folder, {@code $JGRAD_DATA} (or its {@code fashion-mnist} sub-folder), and
 * {@code /usr/share/datasets/fashion-mnist} (Debian's {@code dataset-fashion-mnist}); without them it
 * falls back to the stratified subset bundled with the examples (10,000 train / 2,000 test) and
 * says so. Nothing is downloaded.
 */
public record FashionMnist(TensorDataset train, TensorDataset test, String source, boolean subset) {
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");
    static final String DEBIAN = "/usr/share/datasets/fashion-mnist";
    static final String BUNDLED = "/io/jgrad/data/fashion-mnist/";
    private static final String[] FILES = {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"};
    private static final Logger LOG = LoggerFactory.getLogger(FashionMnist.class);

    /** The full data set if one of the usual folders has it, else the bundled subset. */
    public static FashionMnist load() {
        return load(null);
    }

    /** As {@link #load()}, trying {@code folder} (nullable) first. */
    public static FashionMnist load(Path folder) {
        for (Path candidate : candidates(folder)) {
            if (FILES.length == java.util.Arrays.stream(FILES).filter(f -> Files.isRegularFile(candidate.resolve(f))).count()) {
                return read(candidate.toString(), false, f -> Files.newInputStream(candidate.resolve(f)));
            }
        }
        if (FashionMnist.class.getResource(BUNDLED + FILES[0]) == null) {
            throw new IllegalStateException("Fashion-MNIST not found in " + candidates(folder) + " and no bundled subset on "
                    + "the class path; install it with 'apt-get install dataset-fashion-mnist' or set JGRAD_DATA to a folder "
                    + "holding " + String.join(", ", FILES));
        }
        LOG.info("Fashion-MNIST: using the bundled subset (10,000 train / 2,000 test images); for the full 60,000 / "
                + "10,000 run 'apt-get install dataset-fashion-mnist' or set JGRAD_DATA");
        return read("bundled subset", true, f -> FashionMnist.class.getResourceAsStream(BUNDLED + f));
    }

    private static List<Path> candidates(Path folder) {
        List<Path> out = new ArrayList<>();
        if (folder != null) out.add(folder);
        String env = System.getenv("JGRAD_DATA");
        if (env != null && !env.isBlank()) {
            out.add(Path.of(env));
            out.add(Path.of(env, "fashion-mnist"));
        }
        out.add(Path.of(DEBIAN));
        return out;
    }

    private interface Opener {
        InputStream open(String file) throws IOException;
    }

    private static FashionMnist read(String source, boolean subset, Opener opener) {
        try {
            Tensor[] t = new Tensor[4];
            for (int i = 0; i < 4; i++) {
                try (InputStream in = opener.open(FILES[i])) {
                    t[i] = Idx.read(in, source + "/" + FILES[i]);
                }
            }
            return new FashionMnist(new TensorDataset(t[0].div(255.0), t[1]), new TensorDataset(t[2].div(255.0), t[3]),
                    source, subset);
        } catch (IOException e) {
            throw new UncheckedIOException("Fashion-MNIST: cannot read " + source + ": " + e.getMessage(), e);
        }
    }
}
