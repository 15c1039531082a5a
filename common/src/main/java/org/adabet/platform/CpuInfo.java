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
 * recorded in provenance so that two runs can be compared knowingly: the same level, libtorch
 * build and thread count give identical tables; another level differs within float rounding.
 *
 * @param model the CPU's model name ({@code /proc/cpuinfo}), or "unknown"
 * @param flags the vector-extension flags of the CPU that matter to the kernels (avx, avx2, fma,
 *     avx512*, amx*), sorted
 * @param atenLevel the level ATen dispatches to: {@code ATEN_CPU_CAPABILITY} when set, else the
 *     highest the CPU supports by ATen's own rule (avx512 needs avx512f, bw, dq and vl; avx2 needs
 *     avx2 and fma), else "default"
 * @param libtorchEnvironment the dispatch variables as set (ATEN_CPU_CAPABILITY, ONEDNN_MAX_CPU_ISA, MKL_CBWR)
 * @param reproducible whether the reproducible mode is on
 */
public record CpuInfo(String model, Set<String> flags, String atenLevel, Map<String, String> libtorchEnvironment,
        boolean reproducible) {

    private static final List<String> AVX512_FOR_ATEN = List.of("avx512f", "avx512bw", "avx512dq", "avx512vl");

    public CpuInfo {
        flags = Set.copyOf(new TreeSet<>(flags));
        libtorchEnvironment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(libtorchEnvironment));
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
            // Not Linux, or /proc unreadable: the CPU stays unknown, the environment is still recorded.
        }
        Map<String, String> env = ReproducibleMode.libtorchEnvironment();
        return new CpuInfo(model, vectorFlags(flags), atenLevel(flags, env.get("ATEN_CPU_CAPABILITY")), env,
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

    static String atenLevel(Set<String> flags, String requested) {
        if (requested != null && !requested.isBlank()) {
            return requested.toLowerCase(Locale.ROOT);
        }
        if (flags.containsAll(AVX512_FOR_ATEN)) {
            return "avx512";
        }
        if (flags.contains("avx2") && flags.contains("fma")) {
            return "avx2";
        }
        return flags.isEmpty() ? "unknown" : "default";
    }

    /** For provenance files: plain values in a fixed order. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("flags", String.join(" ", flags));
        m.put("aten_level", atenLevel);
        libtorchEnvironment.forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), v == null ? "unset" : v));
        m.put("reproducible", reproducible);
        return m;
    }
}
