package org.adabet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.adabet.platform.CpuInfo;
import org.adabet.platform.ReproducibleMode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The reproducible mode's promise, tested on CPUs other than this one: {@link ReproducibilityProbe}
 * runs in child JVMs on this CPU and on CPUs that qemu-user emulates (an Intel Haswell, the oldest
 * AVX2 machine, and an AMD EPYC Rome), and every bit it prints must agree. qemu-user (Debian {@code
 * qemu-user}, installed by {@code .ci/run}) executes the whole JVM and libtorch with the emulated
 * CPU's CPUID, so libtorch, oneDNN and MKL pick that CPU's kernels (MKL also its vendor).
 *
 * <p>Without the mode the same comparison differs on this project's build machines (native AVX-512
 * against emulated Haswell): that is what the mode is for, and {@link
 * #withoutTheModeKernelPathsAreNotPinned} keeps the test honest by showing the emulation does
 * change libtorch's path.
 */
@Tag("slow")
class CrossCpuReproducibilityTest {
    private static final Path QEMU = Path.of("/usr/bin/qemu-x86_64");
    private static final String[] EMULATED = {"Haswell", "EPYC-Rome"};

    @Test
    void reproducibleModeGivesTheSameBitsOnThisAndEmulatedCpus() throws Exception {
        assumeEmulatorAndAvx2();
        Map<String, String> here = probe(null, true);
        for (String cpu : EMULATED) {
            Map<String, String> there = probe(cpu, true);
            for (String key : ReproducibilityProbe.COMPARED) {
                assertEquals(
                        here.get(key),
                        there.get(key),
                        key
                                + ": "
                                + here.get("cpu")
                                + " vs emulated "
                                + cpu
                                + " ("
                                + there.get("cpu")
                                + ")");
            }
        }
    }

    @Test
    void withoutTheModeKernelPathsAreNotPinned() throws Exception {
        assumeEmulatorAndAvx2();
        assumeTrue(
                CpuInfo.current().flags().contains("avx512f"),
                "this CPU has no AVX-512, so libtorch's native path may already be the emulated Haswell's");
        Map<String, String> here = probe(null, false);
        Map<String, String> haswell = probe("Haswell", false);
        assertTrue(
                !here.get("trajectory").equals(haswell.get("trajectory")),
                "native AVX-512 and emulated Haswell gave the same bits without the mode: the emulation did not"
                        + " change libtorch's kernels, so the other test would prove nothing");
    }

    private static void assumeEmulatorAndAvx2() {
        assumeTrue(
                Files.isExecutable(QEMU),
                QEMU + " is missing (Debian package qemu-user; .ci/run installs it)");
        assumeTrue(
                CpuInfo.current().flags().contains("avx2"),
                "the reproducible mode needs AVX2, this CPU lacks it");
    }

    /**
     * Runs the probe in a child JVM, emulating {@code cpu} when not null; returns its name=value
     * lines.
     */
    private static Map<String, String> probe(String cpu, boolean reproducible)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (cpu != null) {
            command.add(QEMU.toString());
            command.add("-cpu");
            command.add(cpu);
        }
        command.add(ProcessHandle.current().info().command().orElseThrow());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // The parent's module and DJL flags, not its heap size or agents.
            if (!arg.startsWith("-Xmx")
                    && !arg.startsWith("-javaagent")
                    && !arg.startsWith("-D" + ReproducibleMode.PROPERTY)) {
                command.add(arg);
            }
        }
        command.add("-Xmx1g");
        if (cpu != null) {
            // C1 only: under emulation the optimising compiler's own work costs more than it saves.
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.add("-D" + ReproducibleMode.PROPERTY + "=" + reproducible);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ReproducibilityProbe.class.getName());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        ReproducibleMode.LIBTORCH_ENV.keySet().forEach(pb.environment()::remove);
        pb.environment().remove(ReproducibleMode.ENV);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "probe on " + cpu + " did not finish");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(
                0,
                p.exitValue(),
                "probe on " + (cpu == null ? "this CPU" : cpu) + " failed:\n" + text);
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("WARNING")) {
                lines.putIfAbsent(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        System.out.println(
                "probe "
                        + (cpu == null ? "native" : cpu)
                        + (reproducible ? " reproducible: " : ": ")
                        + lines);
        return lines;
    }
}
