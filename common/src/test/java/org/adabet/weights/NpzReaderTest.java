package org.adabet.weights;

import static org.adabet.weights.TestFiles.f4;
import static org.adabet.weights.TestFiles.f8;
import static org.adabet.weights.TestFiles.i2;
import static org.adabet.weights.TestFiles.i4;
import static org.adabet.weights.TestFiles.i8;
import static org.adabet.weights.TestFiles.npy;
import static org.adabet.weights.TestFiles.npz;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adabet.model.NetworkParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpzReaderTest {
    @TempDir Path dir;

    private static Map<String, byte[]> resnetLike() {
        Map<String, byte[]> arrays = new LinkedHashMap<>();
        arrays.put(
                "conv1.weight",
                npy("<f4", new long[] {2, 1, 2, 2}, f4(1, 2, 3, 4, -5, 6.5f, 7, 8)));
        arrays.put("bn1.running_mean", npy("<f4", new long[] {2}, f4(0.25f, -0.5f)));
        arrays.put("bn1.num_batches_tracked", npy("<i8", new long[] {}, i8(1000)));
        arrays.put("fc.bias", npy("<f8", new long[] {3}, f8(0.1, 1e-3, -2.5)));
        return arrays;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsStoredAndDeflatedArchivesAsNumpyWritesThem(boolean deflate) throws IOException {
        Path file = npz(dir.resolve("m.npz"), deflate, resnetLike());
        StateDict sd = NpzReader.read(file, ReadOptions.DEFAULT);
        Map<String, NetworkParameters.Tensor> t = sd.parameters().tensors();
        assertEquals(
                List.of("conv1.weight", "bn1.running_mean", "fc.bias"), List.copyOf(t.keySet()));
        assertArrayEquals(new long[] {2, 1, 2, 2}, t.get("conv1.weight").shape());
        assertArrayEquals(new float[] {1, 2, 3, 4, -5, 6.5f, 7, 8}, t.get("conv1.weight").values());
        assertArrayEquals(new float[] {0.1f, 1e-3f, -2.5f}, t.get("fc.bias").values());
        assertEquals(Set.of(), sd.integerTensors());
    }

    @Test
    void skipsBatchCountersByDefaultWithANote() throws IOException {
        StateDict sd =
                NpzReader.read(npz(dir.resolve("m.npz"), false, resnetLike()), ReadOptions.DEFAULT);
        assertTrue(!sd.parameters().tensors().containsKey("bn1.num_batches_tracked"));
        assertEquals(1, sd.notes().size());
        assertTrue(
                sd.notes().get(0).contains("skipped bn1.num_batches_tracked"), sd.notes().get(0));
    }

    @Test
    void keepsAndFlagsBatchCountersWhenAsked() throws IOException {
        StateDict sd =
                NpzReader.read(
                        npz(dir.resolve("m.npz"), false, resnetLike()), new ReadOptions(false));
        NetworkParameters.Tensor counter = sd.parameters().tensors().get("bn1.num_batches_tracked");
        assertArrayEquals(new long[0], counter.shape());
        assertArrayEquals(new float[] {1000}, counter.values());
        assertEquals(Set.of("bn1.num_batches_tracked"), sd.integerTensors());
    }

    @Test
    void convertsOtherIntegerTensorsToFloatAndFlagsThem() throws IOException {
        Map<String, byte[]> arrays = new LinkedHashMap<>();
        arrays.put("index", npy("<i4", new long[] {3}, i4(-1, 0, 7)));
        arrays.put("small", npy("<i2", new long[] {2}, i2(-300, 300)));
        arrays.put("bytes", npy("|u1", new long[] {2}, new byte[] {(byte) 255, 1}));
        StateDict sd = NpzReader.read(npz(dir.resolve("m.npz"), true, arrays), ReadOptions.DEFAULT);
        assertArrayEquals(new float[] {-1, 0, 7}, sd.parameters().tensors().get("index").values());
        assertArrayEquals(new float[] {-300, 300}, sd.parameters().tensors().get("small").values());
        assertArrayEquals(new float[] {255, 1}, sd.parameters().tensors().get("bytes").values());
        assertEquals(Set.of("index", "small", "bytes"), sd.integerTensors());
        assertEquals(3, sd.notes().size());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void readsEveryNpyHeaderVersion(int version) throws IOException {
        Path file =
                npz(
                        dir.resolve("m.npz"),
                        false,
                        Map.of("w", npy("<f4", new long[] {1, 3}, f4(1, 2, 3), version, false)));
        assertArrayEquals(
                new float[] {1, 2, 3},
                NpzReader.read(file, ReadOptions.DEFAULT).parameters().tensors().get("w").values());
    }

    @Test
    void convertsHalfPrecision() throws IOException {
        // 1.0, -2.0 and 65504 (the largest half) as float16 bits
        Path file =
                npz(
                        dir.resolve("m.npz"),
                        false,
                        Map.of("h", npy("<f2", new long[] {3}, i2(0x3c00, 0xc000, 0x7bff))));
        assertArrayEquals(
                new float[] {1, -2, 65504},
                NpzReader.read(file, ReadOptions.DEFAULT).parameters().tensors().get("h").values());
    }

    @Test
    void readsZeroSizedArrays() throws IOException {
        Path file =
                npz(
                        dir.resolve("m.npz"),
                        true,
                        Map.of("empty", npy("<f4", new long[] {0, 4}, new byte[0])));
        NetworkParameters.Tensor t =
                NpzReader.read(file, ReadOptions.DEFAULT).parameters().tensors().get("empty");
        assertArrayEquals(new long[] {0, 4}, t.shape());
        assertEquals(0, t.values().length);
    }

    @Test
    void refusesFortranOrderNamingTheEntry() throws IOException {
        Path file =
                npz(
                        dir.resolve("m.npz"),
                        false,
                        Map.of("w", npy("<f4", new long[] {2, 2}, f4(1, 2, 3, 4), 1, true)));
        assertMessage(file, "m.npz, entry 'w.npy'", "Fortran order");
    }

    @Test
    void refusesBadMagicNamingTheEntry() throws IOException {
        byte[] bad = npy("<f4", new long[] {1}, f4(1));
        bad[1] = 'X';
        assertMessage(
                npz(dir.resolve("m.npz"), false, Map.of("w", bad)), "entry 'w.npy'", "bad magic");
    }

    @Test
    void refusesTruncatedArrayDataNamingTheEntry() throws IOException {
        byte[] full = npy("<f4", new long[] {4}, f4(1, 2, 3, 4));
        byte[] cut = Arrays.copyOf(full, full.length - 5);
        assertMessage(
                npz(dir.resolve("m.npz"), true, Map.of("w", cut)),
                "entry 'w.npy'",
                "truncated array data (11 of 16");
    }

    @Test
    void refusesTruncatedHeader() throws IOException {
        byte[] cut = Arrays.copyOf(npy("<f4", new long[] {4}, f4(1, 2, 3, 4)), 30);
        assertMessage(
                npz(dir.resolve("m.npz"), false, Map.of("w", cut)),
                "entry 'w.npy'",
                "truncated .npy header");
    }

    @Test
    void refusesUnsupportedDtypes() throws IOException {
        assertMessage(
                npz(dir.resolve("c.npz"), false, Map.of("w", npy("<c8", new long[] {1}, f4(1, 2)))),
                "entry 'w.npy'",
                "unsupported dtype <c8");
        assertMessage(
                npz(dir.resolve("b.npz"), false, Map.of("w", npy(">f4", new long[] {1}, f4(1)))),
                "entry 'w.npy'",
                "big-endian dtype >f4");
    }

    @Test
    void refusesUnsupportedNpyVersion() throws IOException {
        byte[] v9 = npy("<f4", new long[] {1}, f4(1));
        v9[6] = 9;
        assertMessage(
                npz(dir.resolve("m.npz"), false, Map.of("w", v9)),
                "entry 'w.npy'",
                "format version 9.0");
    }

    @Test
    void refusesEntriesThatAreNotNpyArrays() throws IOException {
        Path file = dir.resolve("m.npz");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            zip.write(new byte[] {1, 2});
            zip.closeEntry();
        }
        assertMessage(file, "entry 'readme.txt'", "not a .npy array");
    }

    @Test
    void refusesAFileThatIsNotAZipArchive() throws IOException {
        Path file = Files.write(dir.resolve("m.npz"), "hello, not a zip".getBytes());
        assertMessage(file, "m.npz", "not a zip archive");
    }

    @Test
    void refusesATruncatedArchive() throws IOException {
        Path file = npz(dir.resolve("m.npz"), true, resnetLike());
        byte[] all = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(all, all.length / 2));
        assertMessage(file, "m.npz", "truncated");
    }

    @Test
    void refusesAMissingFile() {
        assertMessage(dir.resolve("absent.npz"), "absent.npz", "not found");
    }

    private static void assertMessage(Path file, String... parts) {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> NpzReader.read(file, ReadOptions.DEFAULT));
        for (String part : parts) {
            assertTrue(
                    e.getMessage().contains(part),
                    "'" + e.getMessage() + "' should contain '" + part + "'");
        }
    }
}
