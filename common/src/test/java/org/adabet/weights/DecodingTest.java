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
        Object v = MiniJson.parse(" {\"b\": [1, -2, 3.5e1], \"a\": {\"s\": \"x\\\"\\u00e9\\n\"}, \"t\": true, \"n\": null} ",
                "test");
        Map<?, ?> map = (Map<?, ?>) v;
        assertEquals(List.of("b", "a", "t", "n"), List.copyOf(map.keySet()));
        assertEquals(List.of(1L, -2L, new BigDecimal("3.5e1")), map.get("b"));
        assertEquals("x\"\u00e9\n", ((Map<?, ?>) map.get("a")).get("s"));
        assertEquals(Boolean.TRUE, map.get("t"));
    }

    @Test
    void jsonErrorsNameTheSourceAndOffset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MiniJson.parse("{\"a\": 1,}", "f.safetensors"));
        assertTrue(e.getMessage().startsWith("f.safetensors: bad JSON at offset 8"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("{\"a\": 1, \"a\": 2}", "dup"));
        assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("{} x", "trailing"));
    }

    @Test
    void npyHeadersParseAsNumpyWritesThem() {
        NpyHeader h = NpyHeader.parse("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }    \n", "t");
        assertEquals(DType.F64, h.dtype());
        assertEquals(3, h.shape()[0]);
        NpyHeader scalar = NpyHeader.parse("{'descr': '<i8', 'fortran_order': False, 'shape': ()}", "t");
        assertEquals(0, scalar.shape().length);
        NpyHeader py2 = NpyHeader.parse("{'descr': '<f4', 'fortran_order': False, 'shape': (2L, 3L), }", "t");
        assertEquals(3, py2.shape()[1]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpyHeader.parse("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,)}", "x.npz"));
        assertTrue(e.getMessage().contains("structured arrays are not supported"), e.getMessage());
    }
}
