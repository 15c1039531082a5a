package org.adabet.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads MAT-files written by real scipy ({@code data-io/mat/make_mat_golden.py}). */
class MatFileTest {
    @TempDir Path tmp;

    static Path resource(String name) throws URISyntaxException {
        return Path.of(MatFileTest.class.getResource("/data-io/mat/" + name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"golden_plain.mat", "golden_compressed.mat"})
    void readsNumericCharAndCellVariablesAsScipyWritesThem(String name) throws URISyntaxException {
        Map<String, Object> vars = MatFile.read(resource(name));
        MatFile.NumericArray labels = (MatFile.NumericArray) vars.get("labels");
        assertArrayEquals(new int[] {1, 3}, labels.dims());
        assertArrayEquals(new double[] {1, 2, 102}, labels.values());
        assertArrayEquals(
                new double[] {1, 300, 65535}, ((MatFile.NumericArray) vars.get("ids")).values());
        MatFile.NumericArray matrix = (MatFile.NumericArray) vars.get("matrix");
        assertArrayEquals(new int[] {2, 3}, matrix.dims());
        assertArrayEquals(new double[] {1.5, 4, -2, 5, 3, 6.25}, matrix.values()); // column-major
        assertArrayEquals(
                new double[] {-7, 0x1p40}, ((MatFile.NumericArray) vars.get("big")).values());
        assertEquals("Chihuahua", vars.get("name"));
        assertEquals(List.of("a/b.jpg", "c/d.jpg"), vars.get("files"));
        assertFalse(vars.containsKey("nested"));
    }

    @Test
    void truncatedAndForeignFilesAreErrorsNamingThePath() throws IOException, URISyntaxException {
        byte[] all = Files.readAllBytes(resource("golden_compressed.mat"));
        Path cut = Files.write(tmp.resolve("cut.mat"), Arrays.copyOf(all, all.length - 40));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> MatFile.read(cut));
        assertTrue(e.getMessage().startsWith("MAT-file " + cut + ": "), e.getMessage());
        Path text = Files.writeString(tmp.resolve("text.mat"), "hello");
        e = assertThrows(IllegalArgumentException.class, () -> MatFile.read(text));
        assertEquals(
                "MAT-file " + text + ": too short for a MAT-file header (5 bytes)", e.getMessage());
        byte[] v73 = Arrays.copyOf("MATLAB 7.3 MAT-file, Platform: GLNXA64".getBytes(), 512);
        Path hdf5 = Files.write(tmp.resolve("v73.mat"), v73);
        e = assertThrows(IllegalArgumentException.class, () -> MatFile.read(hdf5));
        assertTrue(
                e.getMessage().contains("MATLAB 7.3 (HDF5) files are not supported"),
                e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> MatFile.read(tmp.resolve("absent.mat")));
        assertEquals("MAT-file " + tmp.resolve("absent.mat") + " is missing", e.getMessage());
    }
}
