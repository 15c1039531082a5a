package org.adabet.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adabet.model.NetworkParameters;
import org.junit.jupiter.api.Test;

/**
 * Reads {@code weights/golden_numpy.npz}, written by real numpy's {@code np.savez} ({@code
 * make_golden.py} beside it), and compares every value exactly with what the script computes.
 */
class NumpyGoldenTest {
    private static Path golden() throws URISyntaxException {
        return Path.of(NumpyGoldenTest.class.getResource("/weights/golden_numpy.npz").toURI());
    }

    @Test
    void readsWhatNumpySavezWrites() throws URISyntaxException {
        StateDict sd = StateDictReader.read(golden(), ReadOptions.DEFAULT);
        Map<String, NetworkParameters.Tensor> t = sd.parameters().tensors();
        assertEquals(
                List.of(
                        "features.0.conv.weight",
                        "features.0.bn.running_var",
                        "classifier.weight",
                        "classifier.bias"),
                List.copyOf(t.keySet()));

        float[] conv = new float[54];
        for (int i = 0; i < conv.length; i++) {
            conv[i] = i / 8f - 3;
        }
        assertArrayEquals(new long[] {2, 3, 3, 3}, t.get("features.0.conv.weight").shape());
        assertArrayEquals(conv, t.get("features.0.conv.weight").values());
        assertArrayEquals(new float[] {0.5f, 2f}, t.get("features.0.bn.running_var").values());
        float[] fc = new float[12];
        for (int i = 0; i < fc.length; i++) {
            fc[i] = (i - 6) / 4f;
        }
        assertArrayEquals(new long[] {3, 4}, t.get("classifier.weight").shape());
        assertArrayEquals(fc, t.get("classifier.weight").values());
        assertArrayEquals(new float[] {1, -1, 7}, t.get("classifier.bias").values());
        assertEquals(Set.of("classifier.bias"), sd.integerTensors());
        assertEquals(2, sd.notes().size());
    }

    @Test
    void keepsTheScalarCounterWhenAsked() throws URISyntaxException {
        NetworkParameters.Tensor counter =
                StateDictReader.read(golden(), new ReadOptions(false))
                        .parameters()
                        .tensors()
                        .get("features.0.bn.num_batches_tracked");
        assertEquals(0, counter.shape().length);
        assertArrayEquals(new float[] {1234}, counter.values());
    }
}
