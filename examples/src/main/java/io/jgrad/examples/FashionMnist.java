package io.jgrad.examples;

import io.jgrad.core.Tensor;
import io.jgrad.data.Idx;
import io.jgrad.data.TensorDataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zalando's Fashion-MNIST: 28×28 grey images of 10 kinds of clothing, as float32 in [0, 1] (like
 * torchvision's ToTensor) with int64 labels. Reads the four IDX gz files from an explicit folder if
 * one is given, else from {@code $JGRAD_DATA} (or its {@code fashion-mnist} sub-folder) if that is set;
 * either must hold the data set, or loading fails. Only with neither does it fall back, to
 * {@code /usr/share/datasets/fashion-mnist} (Debian's {@code dataset-fashion-mnist}) and then to the
 * stratified subset bundled with the examples (10,000 train / 2,000 test, the class-path folder
 * {@code data/fashion-mnist}), logging which it used. Nothing is downloaded.
 *
 * <p>A data set, like torchvision's {@code datasets.FashionMNIST}, so it lives with the examples that
 * bundle its subset; the generic parts, {@link io.jgrad.data.Dataset}, {@link TensorDataset},
 * {@link io.jgrad.data.DataLoader} and the {@link Idx} reader, are core's {@code io.jgrad.data}.
 */
public record FashionMnist(TensorDataset train, TensorDataset test, String source, boolean subset) {
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");
    static final String DEBIAN = "/usr/share/datasets/fashion-mnist";
    static final String BUNDLED = "/data/fashion-mnist/";
    static final List<String> FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
    private static final int SIDE = 28;
    private static final Logger LOG = LoggerFactory.getLogger(FashionMnist.class);

    /** From {@code $JGRAD_DATA} if set, else the system copy if installed, else the bundled subset. */
    public static FashionMnist load() {
        return load(null);
    }

    /** From {@code folder}, which must hold the four files; {@code null} behaves as {@link #load()}. */
    public static FashionMnist load(Path folder) {
        return load(folder, System.getenv(), Path.of(DEBIAN), BUNDLED);
    }

    /**
     * {@link #load(Path)} with the environment, the system folder and the bundled subset's class-path folder
     * injected, so tests need not change the machine.
     */
    static FashionMnist load(Path explicit, Map<String, String> env, Path system, String bundled) {
        if (explicit != null) {
            requireDataIn(List.of(explicit), "the folder given to FashionMnist.load");
            return readFolder(explicit, "the folder given");
        }
        String fromEnv = env.get("JGRAD_DATA");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            Path root = Path.of(fromEnv);
            List<Path> tried = List.of(root, root.resolve("fashion-mnist"));
            Path found = requireDataIn(tried, "JGRAD_DATA=" + fromEnv);
            return readFolder(found, "JGRAD_DATA");
        }
        if (missing(system).isEmpty()) return readFolder(system, "the system copy");
        if (FashionMnist.class.getResource(bundled + FILES.get(0)) == null) {
            throw new IllegalStateException("Fashion-MNIST not found: " + system + " lacks " + missing(system)
                    + " and there is no bundled subset on the class path; install it with 'apt-get install "
                    + "dataset-fashion-mnist', set JGRAD_DATA, or pass a folder holding " + String.join(", ", FILES));
        }
        LOG.info("Fashion-MNIST: using the bundled subset (10,000 train / 2,000 test images); for the full 60,000 / "
                + "10,000 run 'apt-get install dataset-fashion-mnist' or set JGRAD_DATA");
        return read("bundled subset", true, f -> FashionMnist.class.getResourceAsStream(bundled + f));
    }

    /**
     * The first of {@code tried} holding all four files; a path the user chose that does not is an error,
     * never a reason to quietly use another copy whose results they would mistake for their own.
     */
    private static Path requireDataIn(List<Path> tried, String origin) {
        for (Path p : tried) if (missing(p).isEmpty()) return p;
        Path first = tried.get(0);
        String problem;
        if (!Files.exists(first)) {
            problem = first + " does not exist";
        } else if (!Files.isDirectory(first)) {
            problem = first + " is a file, not a folder; pass the folder that holds it";
        } else {
            StringBuilder sb = new StringBuilder();
            for (Path p : tried) {
                if (Files.isDirectory(p)) sb.append(sb.length() == 0 ? "" : "; ").append(p).append(" lacks ").append(missing(p));
            }
            problem = sb.toString();
        }
        throw new IllegalArgumentException("Fashion-MNIST: " + origin + " does not hold the data set: " + problem
                + ". Expected a folder with " + String.join(", ", FILES)
                + (tried.size() > 1 ? " (looked in " + tried + ")" : ""));
    }

    private static List<String> missing(Path folder) {
        return FILES.stream().filter(f -> !Files.isRegularFile(folder.resolve(f))).toList();
    }

    private static FashionMnist readFolder(Path folder, String origin) {
        LOG.info("Fashion-MNIST: reading {} ({})", folder, origin);
        return read(folder.toString(), false, f -> Files.newInputStream(folder.resolve(f)));
    }

    private interface Opener {
        InputStream open(String file) throws IOException;
    }

    private static FashionMnist read(String source, boolean subset, Opener opener) {
        try {
            Tensor[] t = new Tensor[4];
            for (int i = 0; i < 4; i++) {
                String name = source + "/" + FILES.get(i);
                try (InputStream in = opener.open(FILES.get(i))) {
                    t[i] = Idx.read(in, name);
                }
                checkShape(t[i], name, i % 2 == 0);
            }
            checkCounts(t[0], t[1], source + "/" + FILES.get(0), source + "/" + FILES.get(1));
            checkCounts(t[2], t[3], source + "/" + FILES.get(2), source + "/" + FILES.get(3));
            return new FashionMnist(new TensorDataset(t[0].div(255.0), t[1]), new TensorDataset(t[2].div(255.0), t[3]),
                    source, subset);
        } catch (IOException e) {
            throw new UncheckedIOException("Fashion-MNIST: cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /** Idx has checked the bytes are unsigned; what remains is that each file holds what its name says. */
    private static void checkShape(Tensor t, String name, boolean images) {
        int[] s = t.shape();
        boolean ok = images ? s.length == 3 && s[1] == SIDE && s[2] == SIDE : s.length == 1;
        if (ok) return;
        String expected = images ? "images of shape [N, 28, 28] (IDX magic 0x00000803)"
                : "labels of shape [N] (IDX magic 0x00000801)";
        boolean swapped = images ? s.length == 1 : s.length == 3;
        throw new IllegalArgumentException("Fashion-MNIST: " + name + " holds an IDX array of shape " + Arrays.toString(s)
                + " but should hold " + expected + (swapped ? "; are the image and label files swapped?" : ""));
    }

    private static void checkCounts(Tensor images, Tensor labels, String imageFile, String labelFile) {
        if (images.size(0) != labels.size(0)) {
            throw new IllegalArgumentException("Fashion-MNIST: " + imageFile + " holds " + images.size(0) + " images but "
                    + labelFile + " holds " + labels.size(0) + " labels; the two files must come from the same set");
        }
    }
}
