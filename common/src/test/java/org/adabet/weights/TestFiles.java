package org.adabet.weights;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.StringJoiner;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Minimal writers of .npy, .npz and .safetensors files, byte for byte as numpy and safetensors lay
 * them out.
 */
final class TestFiles {
    private TestFiles() {}

    static byte[] f4(float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    static byte[] f8(double... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    static byte[] i8(long... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    static byte[] i4(int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    static byte[] i2(int... values) {
        ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putShort((short) v);
        }
        return b.array();
    }

    /** A version-1 C-order .npy array. */
    static byte[] npy(String descr, long[] shape, byte[] data) {
        return npy(descr, shape, data, 1, false);
    }

    /**
     * A .npy array as numpy's {@code write_array} lays it out: dict padded with spaces to a
     * multiple of 64.
     */
    static byte[] npy(String descr, long[] shape, byte[] data, int version, boolean fortran) {
        StringJoiner dims = new StringJoiner(", ", "(", shape.length == 1 ? ",)" : ")");
        for (long d : shape) {
            dims.add(Long.toString(d));
        }
        String dict =
                "{'descr': '"
                        + descr
                        + "', 'fortran_order': "
                        + (fortran ? "True" : "False")
                        + ", 'shape': "
                        + dims
                        + ", }";
        int lengthBytes = version == 1 ? 2 : 4;
        int prefix = 8 + lengthBytes;
        int total = prefix + dict.length() + 1;
        String header = dict + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteBuffer b =
                ByteBuffer.allocate(prefix + header.length() + data.length)
                        .order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
        if (version == 1) {
            b.putShort((short) header.length());
        } else {
            b.putInt(header.length());
        }
        b.put(header.getBytes(StandardCharsets.UTF_8)).put(data);
        return b.array();
    }

    /**
     * An .npz archive: entries named {@code <key>.npy}, stored (as np.savez) or deflated
     * (np.savez_compressed).
     */
    static Path npz(Path file, boolean deflate, Map<String, byte[]> arrays) throws IOException {
        try (OutputStream os = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> e : arrays.entrySet()) {
                ZipEntry entry =
                        new ZipEntry(e.getKey().endsWith("/") ? e.getKey() : e.getKey() + ".npy");
                byte[] bytes = e.getValue();
                if (!deflate) {
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(bytes.length);
                    entry.setCompressedSize(bytes.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return file;
    }

    /** A .safetensors file from its JSON header and data buffer. */
    static Path safetensors(Path file, String headerJson, byte[] data) throws IOException {
        byte[] header = headerJson.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(
                ByteBuffer.allocate(8)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putLong(header.length)
                        .array());
        out.write(header);
        out.write(data);
        Files.write(file, out.toByteArray());
        return file;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
