package org.adabet.tda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Barcodes against Debian ripser's on the same float32 distance matrices (see the file headers).
 */
class GoldenBarcodeTest {

    static Stream<String> goldenFiles() {
        return GoldenFiles.goldenNames().stream();
    }

    @ParameterizedTest
    @MethodSource("goldenFiles")
    void barcodeMatchesRipserAsMultiset(String name) {
        String text = GoldenFiles.resource("golden/" + name);
        GoldenCase c = GoldenFiles.goldenCase(text);
        List<PersistenceInterval> expected = GoldenFiles.intervals(GoldenFiles.body(text));
        Barcode b = VietorisRips.barcode(c.distances(), c.options());
        BarcodeAssert.assertSameMultiset(expected, b.intervals(), 1e-5, name);
        // Identical counts, not merely close: the zero-length decision is made at float32
        // precision.
        for (int d = 0; d <= c.maxDim() && d <= c.n() - 2; d++) {
            final int dd = d;
            assertEquals(
                    expected.stream().filter(p -> p.dimension() == dd).count(),
                    b.betti(d),
                    name + " beta" + d);
        }
    }
}
