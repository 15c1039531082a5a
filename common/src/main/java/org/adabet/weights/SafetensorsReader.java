package org.adabet.weights;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code .safetensors} file (Hugging Face safetensors format): an 8-byte little-endian
 * header length N, N bytes of UTF-8 JSON {@code {name: {"dtype", "shape", "data_offsets"}}} with an
 * optional {@code "__metadata__"} object of strings, then the tensors' bytes, little-endian and
 * row-major, at {@code data_offsets} relative to the end of the header. Dtypes F32, F64, F16 and
 * BF16 become float32; integer and boolean dtypes are handled as {@link ReadOptions} says.
 */
public final class SafetensorsReader {
    /** The reference implementation refuses headers above 100 MB; so do we, before allocating. */
    private static final long MAX_HEADER = 100L * 1024 * 1024;

    private static final String METADATA = "__metadata__";

    private SafetensorsReader() {}

    /**
     * @throws IllegalArgumentException naming the file (and tensor) if the file is missing,
     *     truncated or malformed, or holds a dtype we cannot convert
     */
    public static StateDict read(Path file, ReadOptions options) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 8) {
                throw new IllegalArgumentException(
                        file
                                + ": truncated safetensors file ("
                                + size
                                + " bytes, the header length alone takes 8)");
            }
            long headerLength =
                    readFully(channel, 0, 8, file).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (headerLength < 2 || headerLength > size - 8 || headerLength > MAX_HEADER) {
                throw new IllegalArgumentException(
                        file
                                + ": safetensors header length "
                                + Long.toUnsignedString(headerLength)
                                + " does not fit a file of "
                                + size
                                + " bytes (truncated, or not a safetensors file)");
            }
            String json = utf8(readFully(channel, 8, headerLength, file), file);
            if (!json.startsWith("{")) {
                throw new IllegalArgumentException(
                        file + ": safetensors header does not start with '{'");
            }
            Map<String, Object> header = HeaderJson.parse(json, file + " (safetensors header)");
            long dataStart = 8 + headerLength;
            long dataLength = size - dataStart;
            TensorCollector out = new TensorCollector(file, options);
            for (Map.Entry<String, Object> e : header.entrySet()) {
                String name = e.getKey();
                if (name.equals(METADATA)) {
                    continue;
                }
                String where = file + ", tensor '" + name + "'";
                if (!(e.getValue() instanceof Map<?, ?> info)) {
                    throw new IllegalArgumentException(where + ": header entry is not an object");
                }
                DType dtype = dtype(info.get("dtype"), where);
                long[] shape = longs(info.get("shape"), "shape", -1, where);
                long[] offsets = longs(info.get("data_offsets"), "data_offsets", 2, where);
                long bytes = TensorCollector.elements(shape, where) * dtype.size();
                if (offsets[0] < 0 || offsets[1] < offsets[0] || offsets[1] > dataLength) {
                    throw new IllegalArgumentException(
                            where
                                    + ": data_offsets ["
                                    + offsets[0]
                                    + ", "
                                    + offsets[1]
                                    + "] out of range of the "
                                    + dataLength
                                    + " data bytes (file truncated?)");
                }
                if (offsets[1] - offsets[0] != bytes) {
                    throw new IllegalArgumentException(
                            where
                                    + ": data_offsets span "
                                    + (offsets[1] - offsets[0])
                                    + " bytes, but "
                                    + dtype
                                    + " of this shape needs "
                                    + bytes);
                }
                if (!out.skip(name, dtype, shape)) {
                    out.add(
                            name,
                            dtype,
                            shape,
                            readFully(channel, dataStart + offsets[0], bytes, file),
                            where);
                }
            }
            return out.result();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("state dict file not found: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static DType dtype(Object value, String where) {
        if (!(value instanceof String name)) {
            throw new IllegalArgumentException(where + ": missing or non-string \"dtype\"");
        }
        try {
            return DType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    where
                            + ": unsupported dtype "
                            + name
                            + " (supported: F32, F64, F16, BF16, I64, I32, I16, I8, U8, BOOL)");
        }
    }

    private static long[] longs(Object value, String key, int expectedLength, String where) {
        if (!(value instanceof List<?> list)
                || (expectedLength >= 0 && list.size() != expectedLength)) {
            throw new IllegalArgumentException(
                    where
                            + ": \""
                            + key
                            + "\" must be a list of "
                            + (expectedLength >= 0 ? expectedLength + " " : "")
                            + "integers, was "
                            + value);
        }
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Long l)) {
                throw new IllegalArgumentException(
                        where + ": \"" + key + "\" must hold integers, was " + value);
            }
            out[i] = l;
        }
        return out;
    }

    private static String utf8(ByteBuffer bytes, Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": safetensors header is not valid UTF-8", e);
        }
    }

    private static ByteBuffer readFully(FileChannel channel, long position, long length, Path file)
            throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    file
                            + ": a tensor of "
                            + length
                            + " bytes at byte "
                            + position
                            + " is larger than this reader can hold in memory");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IllegalArgumentException(
                        file + ": truncated at byte " + (position + buffer.position()));
            }
        }
        return buffer.flip();
    }
}
