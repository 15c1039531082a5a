package org.adabet.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    @TempDir Path dir;

    @Test
    void writtenArraysReadBackWithShapeAndValues() {
        Path file = dir.resolve("a.npy");
        float[] values = {1.5f, -2f, 0f, 3.25f, 7f, -0.125f};
        Npy.write(file, new long[] {2, 3}, values);
        Npy.Array back = Npy.read(file);
        assertArrayEquals(new long[] {2, 3}, back.shape());
        assertArrayEquals(values, back.values());
        Npy.write(file, new long[] {6}, values);
        assertArrayEquals(new long[] {6}, Npy.read(file).shape());
    }

    @Test
    void float64IsReadAndOtherDtypesAreRejectedByName() throws IOException {
        Path f8 = dir.resolve("d.npy");
        Files.write(
                f8,
                npy(
                        "<f8",
                        "(2,)",
                        ByteBuffer.allocate(16)
                                .order(ByteOrder.LITTLE_ENDIAN)
                                .putDouble(0.5)
                                .putDouble(-4)
                                .array()));
        assertArrayEquals(new float[] {0.5f, -4f}, Npy.read(f8).values());
        Path i4 = dir.resolve("i.npy");
        Files.write(i4, npy("<i4", "(1,)", new byte[4]));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Npy.read(i4));
        assertTrue(
                e.getMessage().contains("i.npy") && e.getMessage().contains("<i4"), e.getMessage());
    }

    @Test
    void aCorruptHeaderLengthIsOneClearError() throws IOException {
        Path bad = dir.resolve("bad.npy");
        byte[] good = npy("<f4", "(1,)", new byte[4]);
        ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).putShort(8, (short) 60000);
        Files.write(bad, good);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Npy.read(bad));
        assertTrue(e.getMessage().startsWith(bad + ": truncated .npy header"), e.getMessage());
        Files.write(bad, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, -1, -1, -1, 127});
        e = assertThrows(IllegalArgumentException.class, () -> Npy.read(bad));
        assertTrue(
                e.getMessage().contains("header length 2147483647 is implausible"), e.getMessage());
        Files.write(bad, "not numpy at all".getBytes(StandardCharsets.US_ASCII));
        e = assertThrows(IllegalArgumentException.class, () -> Npy.read(bad));
        assertTrue(e.getMessage().contains("bad magic"), e.getMessage());
    }

    private static byte[] npy(String descr, String shape, byte[] data) {
        String header =
                "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }\n";
        ByteBuffer out =
                ByteBuffer.allocate(10 + header.length() + data.length)
                        .order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0})
                .putShort((short) header.length());
        out.put(header.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        return out.array();
    }
}
