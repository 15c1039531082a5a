package org.adabet.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CPU this process runs on and the instruction-set level libtorch's ATen kernels dispatch to,
 * recorded in provenance so that two runs can be compared knowingly: the same level, libtorch build
 * and thread count give identical tables; another level differs within float rounding.
 *
 * @param model the CPU's model name ({@code /proc/cpuinfo}), or "unknown"
 * @param flags the vector-extension flags of the CPU that matter to the kernels (avx, avx2, fma,
 *     avx512*, amx*), sorted
 * @param jvmAvx the AVX level the JVM found by CPUID ({@code -XX:UseAVX}: 0 none, 1 AVX, 2 AVX2, 3
 *     AVX-512), or -1 when unknown; unlike {@code /proc/cpuinfo} it is right under an emulator
 * @param atenLevel the level ATen dispatches to: the highest the CPU supports by ATen's own rule
 *     (avx512 needs avx512f, bw, dq and vl; avx2 needs avx2 and fma) and CPUID allows, lowered to
 *     {@code ATEN_CPU_CAPABILITY} when that is set; "default" below AVX2
 * @param libtorchEnvironment the dispatch variables as set (ATEN_CPU_CAPABILITY,
 *     ONEDNN_MAX_CPU_ISA, MKL_CBWR)
 * @param reproducible whether the reproducible mode is on
 */
public record CpuInfo(
        String model,
        Set<String> flags,
        int jvmAvx,
        String atenLevel,
        Map<String, String> libtorchEnvironment,
        boolean reproducible) {

    private static final List<String> AVX512_FOR_ATEN =
            List.of("avx512f", "avx512bw", "avx512dq", "avx512vl");

    public CpuInfo {
        flags =
                java.util.Collections.unmodifiableSortedSet(
                        new TreeSet<>(flags)); // sorted: provenance is stable
        libtorchEnvironment =
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(libtorchEnvironment));
    }

    /** Whether the CPU could be read (Linux); elsewhere only the environment is known. */
    public boolean known() {
        return !model.equals("unknown");
    }

    /** This process's CPU and settings. */
    public static CpuInfo current() {
        String model = "unknown";
        Set<String> flags = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String key = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                if (key.equals("model name") && model.equals("unknown")) {
                    model = value;
                } else if (key.equals("flags") && flags.isEmpty()) {
                    flags.addAll(Arrays.asList(value.split("\\s+")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or /proc unreadable: the CPU stays unknown, the environment is still
            // recorded.
        }
        Map<String, String> env = ReproducibleMode.libtorchEnvironment();
        int jvmAvx = readJvmAvx();
        return new CpuInfo(
                model,
                vectorFlags(flags),
                jvmAvx,
                atenLevel(flags, jvmAvx, env.get("ATEN_CPU_CAPABILITY")),
                env,
                ReproducibleMode.requested());
    }

    static Set<String> vectorFlags(Set<String> all) {
        Set<String> out = new TreeSet<>();
        for (String f : all) {
            if (f.equals("fma") || f.startsWith("avx") || f.startsWith("amx")) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * The JVM's own CPUID reading, through its {@code UseAVX} flag; -1 when the JVM does not say.
     */
    static int readJvmAvx() {
        try {
            var bean =
                    java.lang.management.ManagementFactory.getPlatformMXBean(
                            com.sun.management.HotSpotDiagnosticMXBean.class);
            return Integer.parseInt(bean.getVMOption("UseAVX").getValue());
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
    }

    static String atenLevel(Set<String> flags, int jvmAvx, String requested) {
        if (flags.isEmpty() && jvmAvx < 0) {
            return "unknown";
        }
        List<String> levels = List.of("default", "avx2", "avx512");
        int supported =
                flags.containsAll(AVX512_FOR_ATEN)
                        ? 2
                        : flags.contains("avx2") && flags.contains("fma") ? 1 : 0;
        if (flags.isEmpty()) {
            supported = 2;
        }
        if (jvmAvx >= 0) {
            // /proc/cpuinfo shows the host's flags under qemu-user; CPUID (what libtorch reads) is
            // the truth.
            supported = Math.min(supported, Math.max(0, jvmAvx - 1));
        }
        if (requested != null && levels.contains(requested.toLowerCase(Locale.ROOT))) {
            supported = Math.min(supported, levels.indexOf(requested.toLowerCase(Locale.ROOT)));
        }
        return levels.get(supported);
    }

    /** Whether libtorch can run its AVX2 kernels here (what the reproducible mode pins). */
    public boolean hasAvx2() {
        return jvmAvx >= 2 || (jvmAvx < 0 && flags.contains("avx2") && flags.contains("fma"));
    }

    /** For provenance files: plain values in a fixed order. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("flags", String.join(" ", flags));
        m.put("jvm_use_avx", jvmAvx);
        m.put("aten_level", atenLevel);
        libtorchEnvironment.forEach(
                (k, v) -> m.put(k.toLowerCase(Locale.ROOT), v == null ? "unset" : v));
        m.put("reproducible", reproducible);
        return m;
    }
}
