package org.adabet.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class AdabetMainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = AdabetMain.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.getSubcommands()
                .values()
                .forEach(
                        c -> {
                            c.setOut(new PrintWriter(out, true));
                            c.setErr(new PrintWriter(err, true));
                        });
        return cl.execute(args);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--help",
                "run --help",
                "ph --help",
                "models --help",
                "forward --help",
                "bench --help",
                "bench ph --help",
                "completion --help"
            })
    void everyCommandHasHelpExitingZero(String args) {
        assertEquals(0, run(args.split(" ")), err.toString());
        assertTrue(out.toString().startsWith("Usage: adabet"), out.toString());
    }

    @Test
    void versionNamesTheProjectVersionAndCommit() {
        System.setProperty("adabet.git.commit", "0123456789ab");
        try {
            assertEquals(0, run("--version"));
            assertTrue(out.toString().startsWith("adabet 0.1.0"), out.toString());
            assertTrue(out.toString().contains("commit 0123456789ab"), out.toString());
        } finally {
            System.clearProperty("adabet.git.commit");
        }
    }

    @Test
    void usageErrorsAreOneLineAndExitTwo() {
        assertEquals(2, run("models", "--width=abc"));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(
                err.toString().startsWith("adabet models: Invalid value for option '--width'"),
                err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("run", "--bogus"));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("nosuch"));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    @Test
    void badConfigurationIsOneLineAndExitTwoBeforeSparkStarts() {
        PrintStream saved = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, run("run", "--config=quik"));
        } finally {
            System.setErr(saved);
        }
        String message = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("adabet run: configuration error:"), message);
        assertTrue(message.contains("synthetic"), message);
    }

    @Test
    void completionScriptCoversTheSubcommands() {
        assertEquals(0, run("completion"));
        assertTrue(out.toString().contains("complete -F"), out.toString().substring(0, 200));
        assertTrue(out.toString().contains("forward"));
    }
}
