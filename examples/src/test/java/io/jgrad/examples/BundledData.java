package io.jgrad.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies the bundled Fashion-MNIST subset into a folder, so tests do not depend on what the machine has installed. */
final class BundledData {
    private BundledData() {}

    static Path fashionMnistIn(Path dir) throws IOException {
        for (String f : new String[] {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"}) {
            try (InputStream in = BundledData.class.getResourceAsStream("/io/jgrad/data/fashion-mnist/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        return dir;
    }
}
