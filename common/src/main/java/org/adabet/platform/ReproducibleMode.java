package org.adabet.platform;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pins every numeric kernel to one instruction-set level so that the same inputs give the same bits
 * on any x86-64 CPU with AVX2, whatever its vendor or wider vector units.
 *
 * <p>libtorch dispatches at run time: ATen's vectorised kernels to the widest level the CPU has,
 * oneDNN's convolutions to its best ISA, MKL's GEMM to a vendor- and ISA-specific path. Each rounds
 * differently, so a network trained on an AVX-512 machine differs in the last bits from one trained
 * on an AVX2 machine, and single-seed accuracies move by up to about a point. The three libraries
 * each read a documented environment variable before their first use; this class sets them in the
 * process's C environment (through the C library, as {@code System.getenv} is a read-only copy)
 * before libtorch loads, and fixes the persistence kernel's vector width.
 *
 * <p>Measured (see README, "Reproducibility"): with the mode on, a native AMD EPYC with AVX-512 and
 * emulated Intel Haswell, Nehalem and AMD EPYC-Rome CPUs (qemu-user) give identical
 * initialisations, activations, training trajectories and gradient statistics.
 */
public final class ReproducibleMode {
    /**
     * System property that turns the mode on (the environment variable {@code
     * ADABET_REPRODUCIBLE=1} too).
     */
    public static final String PROPERTY = "adabet.reproducible";

    /** Environment variable that turns the mode on; the jobs forward it to executors. */
    public static final String ENV = "ADABET_REPRODUCIBLE";

    /**
     * The pinned settings: ATen's AVX2 kernels, oneDNN at most AVX2, MKL's conditional numerical
     * reproducibility branch COMPATIBLE (one code path on Intel and AMD alike).
     */
    public static final Map<String, String> LIBTORCH_ENV =
            Map.of(
                    "ATEN_CPU_CAPABILITY", "avx2",
                    "ONEDNN_MAX_CPU_ISA", "AVX2",
                    "MKL_CBWR", "COMPATIBLE");

    /**
     * Float lanes of the persistence kernel's distance computation in the mode (256-bit vectors).
     */
    public static final int VECTOR_LANES = 8;

    private static volatile boolean applied;

    private ReproducibleMode() {}

    /** Whether this process was asked to run reproducibly (property or environment variable). */
    public static boolean requested() {
        String p = System.getProperty(PROPERTY);
        if (p != null) {
            return parse(PROPERTY, p);
        }
        String e = System.getenv(ENV);
        return e != null && parse(ENV, e);
    }

    private static boolean parse(String name, String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off", "" -> false;
            default ->
                    throw new IllegalArgumentException(
                            name + " must be true or false, was '" + value + "'");
        };
    }

    /**
     * When requested, checks the CPU can run the pinned level and sets libtorch's variables in the
     * C environment; call before libtorch loads (later calls change nothing libtorch already read).
     *
     * @throws IllegalStateException when requested on a CPU without AVX2, or when one of the
     *     variables is already set to another value (the run would not be what it claims)
     */
    public static synchronized void applyIfRequested() {
        if (applied || !requested()) {
            return;
        }
        CpuInfo cpu = CpuInfo.current();
        if ((cpu.known() || cpu.jvmAvx() >= 0) && !cpu.hasAvx2()) {
            throw new IllegalStateException(
                    "reproducible mode ("
                            + ENV
                            + "=1) pins kernels to AVX2, which this CPU ("
                            + cpu.model()
                            + ") lacks; run without it");
        }
        CLibrary c = Native.load("c", CLibrary.class);
        for (Map.Entry<String, String> e : LIBTORCH_ENV.entrySet()) {
            String current = c.getenv(e.getKey());
            if (current != null && !current.equals(e.getValue())) {
                throw new IllegalStateException(
                        "reproducible mode sets "
                                + e.getKey()
                                + "="
                                + e.getValue()
                                + ", but the environment has "
                                + e.getKey()
                                + "="
                                + current
                                + "; unset it or leave "
                                + ENV
                                + " off");
            }
            c.setenv(e.getKey(), e.getValue(), 1);
        }
        applied = true;
    }

    /**
     * The kernel path numbers of this process come from: {@code pinned-avx2} in the mode, else
     * {@code native-<ATen level>}. Cache keys and run ids include it, because another path gives
     * other last bits: a model pretrained on one path must not be reused as if it came from
     * another.
     */
    public static String kernelPath() {
        return requested() ? "pinned-avx2" : "native-" + CpuInfo.current().atenLevel();
    }

    /**
     * libtorch's three dispatch variables as this process's C environment has them now (null:
     * unset).
     */
    public static Map<String, String> libtorchEnvironment() {
        Map<String, String> out = new LinkedHashMap<>();
        CLibrary c = cLibrary();
        for (String key : new String[] {"ATEN_CPU_CAPABILITY", "ONEDNN_MAX_CPU_ISA", "MKL_CBWR"}) {
            out.put(key, c == null ? System.getenv(key) : c.getenv(key));
        }
        return out;
    }

    private static CLibrary cLibrary() {
        try {
            return Native.load("c", CLibrary.class);
        } catch (UnsatisfiedLinkError e) {
            return null;
        }
    }

    /** The two C library calls needed; JNA binds them by name. */
    interface CLibrary extends Library {
        String getenv(String name);

        int setenv(String name, String value, int overwrite);
    }
}
