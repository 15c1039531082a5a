package org.adabet.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CpuInfoTest {
    private static final Set<String> EPYC =
            Set.of("avx", "avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl");

    @Test
    void atenLevelFollowsAtensRuleCappedByCpuidAndTheRequestedCapability() {
        assertEquals("avx512", CpuInfo.atenLevel(EPYC, 3, null));
        // qemu-user shows the host's /proc/cpuinfo; the JVM's CPUID reading says AVX2 only.
        assertEquals("avx2", CpuInfo.atenLevel(EPYC, 2, null));
        assertEquals("avx2", CpuInfo.atenLevel(EPYC, 3, "avx2"));
        assertEquals("default", CpuInfo.atenLevel(EPYC, 3, "DEFAULT"));
        // AVX-512F without BW/DQ/VL (Xeon Phi): ATen stays at AVX2.
        assertEquals("avx2", CpuInfo.atenLevel(Set.of("avx2", "fma", "avx512f"), 3, null));
        // A request above what the CPU has does not raise the level.
        assertEquals("avx2", CpuInfo.atenLevel(Set.of("avx2", "fma"), 2, "avx512"));
        assertEquals("default", CpuInfo.atenLevel(Set.of("sse4_2"), 0, null));
        assertEquals("unknown", CpuInfo.atenLevel(Set.of(), -1, null));
    }

    @Test
    void thisProcessIsDescribedAndItsMapHasTheFieldsProvenanceRecords() {
        CpuInfo cpu = CpuInfo.current();
        assertTrue(
                Set.of("default", "avx2", "avx512", "unknown").contains(cpu.atenLevel()),
                cpu.atenLevel());
        assertEquals(
                Set.of(
                        "model",
                        "flags",
                        "jvm_use_avx",
                        "aten_level",
                        "aten_cpu_capability",
                        "onednn_max_cpu_isa",
                        "mkl_cbwr",
                        "reproducible"),
                cpu.toMap().keySet());
    }

    @Test
    void flagsArePrintedInOneOrderSoProvenanceFilesCompare() {
        CpuInfo cpu =
                new CpuInfo(
                        "x",
                        Set.of("fma", "avx512f", "avx2", "avx"),
                        3,
                        "avx2",
                        java.util.Map.of(),
                        false);
        assertEquals("avx avx2 avx512f fma", cpu.toMap().get("flags"));
    }

    @Test
    void aBadValueOfTheSwitchIsNamedWithTheValue() {
        String before = System.getProperty(ReproducibleMode.PROPERTY);
        System.setProperty(ReproducibleMode.PROPERTY, "maybe");
        try {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, ReproducibleMode::requested);
            assertEquals("adabet.reproducible must be true or false, was 'maybe'", e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(ReproducibleMode.PROPERTY);
            } else {
                System.setProperty(ReproducibleMode.PROPERTY, before);
            }
        }
    }
}
