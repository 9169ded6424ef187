package io.jgrad.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;
import org.junit.jupiter.api.Test;

class DataPrintTest {
    @Test
    void printsShapesAndSettings() {
        TensorDataset data = new TensorDataset(Tensor.zeros(10, 4), Tensor.arange(10));
        assertEquals("TensorDataset(size=10, inputs=[10, 4] float32, targets=[10] int64)", data.toString());
        assertEquals("DataLoader(dataset=" + data + ", batchSize=3, shuffle=false, dropLast=false)",
                new DataLoader(data, 3).toString());
        assertEquals("DataLoader(dataset=" + data + ", batchSize=3, shuffle=true, dropLast=true)",
                new DataLoader(data, 3).shuffle(new Generator(0)).dropLast(true).toString());
    }
}
