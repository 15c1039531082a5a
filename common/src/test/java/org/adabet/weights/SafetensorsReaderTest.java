package org.adabet.weights;

import static org.adabet.weights.TestFiles.concat;
import static org.adabet.weights.TestFiles.f4;
import static org.adabet.weights.TestFiles.f8;
import static org.adabet.weights.TestFiles.i2;
import static org.adabet.weights.TestFiles.i8;
import static org.adabet.weights.TestFiles.safetensors;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.adabet.model.NetworkParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsReaderTest {
    @TempDir Path dir;

    /** Three tensors and a counter, laid out as safetensors.torch.save_file would. */
    private Path model() throws IOException {
        String header =
                "{\"__metadata__\":{\"format\":\"pt\"},"
                        + "\"conv.weight\":{\"dtype\":\"F32\",\"shape\":[2,1,1,2],\"data_offsets\":[0,16]},"
                        + "\"bn.num_batches_tracked\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[16,24]},"
                        + "\"fc.bias\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[24,40]}}";
        return safetensors(
                dir.resolve("m.safetensors"),
                header,
                concat(f4(1, -2, 3.5f, 4), i8(7), f8(0.5, -1e-3)));
    }

    @Test
    void readsTensorsInHeaderOrderIgnoringMetadata() throws IOException {
        StateDict sd = SafetensorsReader.read(model(), ReadOptions.DEFAULT);
        var t = sd.parameters().tensors();
        assertEquals(List.of("conv.weight", "fc.bias"), List.copyOf(t.keySet()));
        assertArrayEquals(new long[] {2, 1, 1, 2}, t.get("conv.weight").shape());
        assertArrayEquals(new float[] {1, -2, 3.5f, 4}, t.get("conv.weight").values());
        assertArrayEquals(new float[] {0.5f, -1e-3f}, t.get("fc.bias").values());
        assertTrue(sd.notes().get(0).contains("skipped bn.num_batches_tracked"));
    }

    @Test
    void keepsAndFlagsIntegerTensorsWhenCountersAreNotSkipped() throws IOException {
        StateDict sd = SafetensorsReader.read(model(), new ReadOptions(false));
        assertArrayEquals(
                new float[] {7}, sd.parameters().tensors().get("bn.num_batches_tracked").values());
        assertEquals(Set.of("bn.num_batches_tracked"), sd.integerTensors());
    }

    @Test
    void convertsHalfAndBfloat16() throws IOException {
        ByteBuffer bf = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        bf.putShort((short) (Float.floatToIntBits(1.5f) >>> 16))
                .putShort((short) (Float.floatToIntBits(-3f) >>> 16));
        String header =
                "{\"h\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]},"
                        + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[4,8]}}";
        var t =
                SafetensorsReader.read(
                                safetensors(
                                        dir.resolve("h.safetensors"),
                                        header,
                                        concat(i2(0x3c00, 0x0001), bf.array())),
                                ReadOptions.DEFAULT)
                        .parameters()
                        .tensors();
        assertArrayEquals(new float[] {1, 0x1p-24f}, t.get("h").values());
        assertArrayEquals(new float[] {1.5f, -3f}, t.get("b").values());
    }

    @Test
    void acceptsHeaderPaddedWithSpaces() throws IOException {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}    ";
        assertArrayEquals(
                new float[] {9},
                SafetensorsReader.read(
                                safetensors(dir.resolve("p.safetensors"), header, f4(9)),
                                ReadOptions.DEFAULT)
                        .parameters()
                        .tensors()
                        .get("w")
                        .values());
    }

    @Test
    void refusesAFileShorterThanTheLengthField() throws IOException {
        assertMessage(
                Files.write(dir.resolve("t.safetensors"), new byte[] {1, 2, 3}),
                "t.safetensors",
                "truncated safetensors file (3 bytes");
    }

    @Test
    void refusesAHeaderLengthLargerThanTheFile() throws IOException {
        Path file = model();
        byte[] all = Files.readAllBytes(file);
        ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1L << 40);
        Files.write(file, all);
        assertMessage(file, "m.safetensors", "header length 1099511627776 does not fit a file of");
    }

    @Test
    void refusesDataOffsetsBeyondTheFileNamingTheTensor() throws IOException {
        Path file = model();
        byte[] all = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(all, all.length - 8));
        assertMessage(
                file,
                "m.safetensors, tensor 'fc.bias'",
                "data_offsets [24, 40] out of range of the 32 data bytes");
    }

    @Test
    void refusesDataOffsetsThatDisagreeWithTheShape() throws IOException {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}";
        assertMessage(
                safetensors(dir.resolve("s.safetensors"), header, f4(1, 2, 3)),
                "tensor 'w'",
                "span 8 bytes, but F32 of this shape needs 12");
    }

    @Test
    void refusesUnsupportedDtypesNamingTheTensor() throws IOException {
        String header = "{\"q\":{\"dtype\":\"F8_E4M3\",\"shape\":[1],\"data_offsets\":[0,1]}}";
        assertMessage(
                safetensors(dir.resolve("q.safetensors"), header, new byte[1]),
                "tensor 'q'",
                "unsupported dtype F8_E4M3");
    }

    @Test
    void refusesMalformedHeaders() throws IOException {
        assertMessage(
                safetensors(dir.resolve("j.safetensors"), "{\"w\":{\"dtype\":\"F32\",", f4(1)),
                "j.safetensors",
                "bad JSON");
        assertMessage(
                safetensors(dir.resolve("n.safetensors"), "[1, 2]", f4(1)),
                "n.safetensors",
                "start with '{'");
        assertMessage(
                safetensors(
                        dir.resolve("s.safetensors"),
                        "{\"w\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}",
                        f4(1)),
                "tensor 'w'",
                "\"shape\" must be a list");
    }

    @Test
    void refusesAMissingFile() {
        assertMessage(dir.resolve("absent.safetensors"), "absent.safetensors", "not found");
    }

    @Test
    void emptyStateDictIsEmpty() throws IOException {
        NetworkParameters p =
                SafetensorsReader.read(
                                safetensors(dir.resolve("e.safetensors"), "{}", new byte[0]),
                                ReadOptions.DEFAULT)
                        .parameters();
        assertFalse(p.tensors().containsKey("anything"));
        assertEquals(0, p.tensors().size());
    }

    private static void assertMessage(Path file, String... parts) {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> SafetensorsReader.read(file, ReadOptions.DEFAULT));
        for (String part : parts) {
            assertTrue(
                    e.getMessage().contains(part),
                    "'" + e.getMessage() + "' should contain '" + part + "'");
        }
    }
}
