package org.adabet.weights;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The element types a state dict file may hold, each decoded to float32. Integer types are exact up
 * to 2^24 in float32; larger counters lose precision, which is why readers flag them.
 */
enum DType {
    F16(2, false),
    BF16(2, false),
    F32(4, false),
    F64(8, false),
    I8(1, true),
    U8(1, true),
    I16(2, true),
    I32(4, true),
    I64(8, true),
    BOOL(1, true);

    private final int size;
    private final boolean integer;

    DType(int size, boolean integer) {
        this.size = size;
        this.integer = integer;
    }

    /** Bytes per element. */
    int size() {
        return size;
    }

    /** Whether values are integers (or booleans) rather than floating point. */
    boolean isInteger() {
        return integer;
    }

    /** Decodes {@code count} little-endian elements from the buffer's current position. */
    float[] decode(ByteBuffer buffer, int count) {
        ByteBuffer in = buffer.order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[count];
        switch (this) {
            case F32 -> in.asFloatBuffer().get(out);
            case F64 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = (float) in.getDouble(in.position() + 8 * i);
                }
            }
            case F16 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = halfToFloat(in.getShort(in.position() + 2 * i));
                }
            }
            case BF16 -> {
                for (int i = 0; i < count; i++) {
                    out[i] =
                            Float.intBitsToFloat(
                                    (in.getShort(in.position() + 2 * i) & 0xffff) << 16);
                }
            }
            case I8, BOOL -> {
                for (int i = 0; i < count; i++) {
                    out[i] = in.get(in.position() + i);
                }
            }
            case U8 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = in.get(in.position() + i) & 0xff;
                }
            }
            case I16 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = in.getShort(in.position() + 2 * i);
                }
            }
            case I32 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = in.getInt(in.position() + 4 * i);
                }
            }
            case I64 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = in.getLong(in.position() + 8 * i);
                }
            }
            default -> throw new AssertionError(this);
        }
        return out;
    }

    /** IEEE 754 binary16 to float32 (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short half) {
        int h = half & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // Subnormal halves are normal floats: value = mantissa * 2^-24.
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
