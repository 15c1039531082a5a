package org.adabet.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecodingTest {
    @Test
    void halfFloatsDecodeExactly() {
        assertEquals(1f, DType.halfToFloat((short) 0x3c00));
        assertEquals(-2f, DType.halfToFloat((short) 0xc000));
        assertEquals(65504f, DType.halfToFloat((short) 0x7bff));
        assertEquals(0x1p-24f, DType.halfToFloat((short) 0x0001));
        assertEquals(0x1p-14f, DType.halfToFloat((short) 0x0400));
        assertEquals(-0f, DType.halfToFloat((short) 0x8000));
        assertEquals(Float.POSITIVE_INFINITY, DType.halfToFloat((short) 0x7c00));
        assertTrue(Float.isNaN(DType.halfToFloat((short) 0x7e00)));
    }

    @Test
    void jsonKeepsKeyOrderAndTypes() {
        Object v =
                HeaderJson.parse(
                        " {\"b\": [1, -2, 3.5e1], \"a\": {\"s\": \"x\\\"\\u00e9\\n\"}, \"t\": true, \"n\": null} ",
                        "test");
        Map<?, ?> map = (Map<?, ?>) v;
        assertEquals(List.of("b", "a", "t", "n"), List.copyOf(map.keySet()));
        assertEquals(List.of(1L, -2L, new BigDecimal("3.5e1")), map.get("b"));
        assertEquals("x\"\u00e9\n", ((Map<?, ?>) map.get("a")).get("s"));
        assertEquals(Boolean.TRUE, map.get("t"));
    }

    @Test
    void jsonErrorsNameTheSourceAndOffset() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> HeaderJson.parse("{\"a\": 1,}", "f.safetensors"));
        assertTrue(e.getMessage().startsWith("f.safetensors: bad JSON: "), e.getMessage());
        assertTrue(e.getMessage().contains("Expected name at line 1 column 10"), e.getMessage());
        IllegalArgumentException dup =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> HeaderJson.parse("{\"a\": 1, \"a\": 2}", "dup"));
        assertTrue(
                dup.getMessage().startsWith("dup: bad JSON: duplicate key: a"), dup.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HeaderJson.parse("{} x", "trailing"));
        assertThrows(
                IllegalArgumentException.class,
                () -> HeaderJson.parse("{\"a\": 99999999999999999999}", "big"));
    }

    @Test
    void npyHeadersParseAsNumpyWritesThem() {
        Npy.Header h =
                Npy.parseHeader(
                        "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }    \n", "t");
        assertEquals(DType.F64, h.dtype());
        assertEquals(3, h.shape()[0]);
        Npy.Header scalar =
                Npy.parseHeader("{'descr': '<i8', 'fortran_order': False, 'shape': ()}", "t");
        assertEquals(0, scalar.shape().length);
        Npy.Header py2 =
                Npy.parseHeader(
                        "{'descr': '<f4', 'fortran_order': False, 'shape': (2L, 3L), }", "t");
        assertEquals(3, py2.shape()[1]);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Npy.parseHeader(
                                        "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,)}",
                                        "x.npz"));
        assertTrue(e.getMessage().contains("structured arrays are not supported"), e.getMessage());
    }
}
