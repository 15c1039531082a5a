package org.adabet.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.adabet.model.NetworkParameters;
import org.adabet.weights.Npy;
import org.adabet.weights.StateDictReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCommandsTest {
    @TempDir Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int models(String... args) {
        return ModelsMain.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int forward(String... args) {
        return ForwardMain.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void modelsListsEveryArchitectureWithTorchvisionsParameterCounts() {
        assertEquals(0, models());
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(
                text.contains("11,689,512")
                        && text.contains("138,365,992")
                        && text.contains("86,567,656"),
                text);
        assertTrue(
                text.lines().anyMatch(l -> l.startsWith("resnet50 ") && l.endsWith("25,557,032")),
                text);
    }

    @Test
    void describePrintsOneRowPerCandidateLayer() {
        assertEquals(0, models("--describe", "resnet20", "--width", "8"));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        // Title, column header, 19 convolutions + 19 BatchNorms + 2 projection pairs + head, total.
        assertEquals(2 + 19 + 19 + 4 + 1 + 1, lines.length, String.join("\n", lines));
        assertTrue(lines[2].contains("conv1") && lines[2].contains("[8,32,32]"), lines[2]);
        assertEquals(2, models("--describe", "resnet99"));
        assertTrue(
                err.toString(StandardCharsets.UTF_8).contains("unknown architecture 'resnet99'"));
    }

    @Test
    void forwardReproducesTorchvisionsLogitsFromAnNpzExportAndFromOurCheckpoint()
            throws IOException {
        Path fixture = Path.of(getClass().getResource("/torchvision/resnet18.npz").getPath());
        Map<String, NetworkParameters.Tensor> all =
                new LinkedHashMap<>(StateDictReader.read(fixture).tensors());
        NetworkParameters.Tensor input = all.remove("__input__");
        NetworkParameters.Tensor logits = all.remove("__logits__");
        Path x = dir.resolve("x.npy");
        Npy.write(x, input.shape(), input.values());
        Path npz = dir.resolve("resnet18.npz");
        writeNpz(npz, all);
        Path checkpoint = dir.resolve("resnet18.adbp");
        new NetworkParameters(all).save(checkpoint);
        for (Path weights : new Path[] {npz, checkpoint}) {
            Path y = dir.resolve("y.npy");
            assertEquals(
                    0,
                    forward(
                            "--model",
                            "resnet18",
                            "--weights",
                            weights.toString(),
                            "--input",
                            x.toString(),
                            "--out",
                            y.toString()),
                    err.toString(StandardCharsets.UTF_8));
            Npy.Array result = Npy.read(y);
            assertEquals(2, result.shape()[0]);
            assertEquals(10, result.shape()[1]);
            for (int i = 0; i < logits.values().length; i++) {
                assertEquals(logits.values()[i], result.values()[i], 1e-4);
            }
        }
        assertEquals(
                0,
                forward(
                        "--model",
                        "resnet18",
                        "--num-classes",
                        "3",
                        "--weights",
                        npz.toString(),
                        "--input",
                        x.toString(),
                        "--out",
                        dir.resolve("z.npy").toString()));
        assertEquals(3, Npy.read(dir.resolve("z.npy")).shape()[1]);
        assertEquals(
                2,
                forward(
                        "--model",
                        "mobilenet_v2",
                        "--num-classes",
                        "10",
                        "--weights",
                        npz.toString(),
                        "--input",
                        x.toString(),
                        "--out",
                        dir.resolve("w.npy").toString()));
        assertTrue(
                err.toString(StandardCharsets.UTF_8).contains("missing"),
                err.toString(StandardCharsets.UTF_8));
    }

    private static void writeNpz(Path file, Map<String, NetworkParameters.Tensor> tensors)
            throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(raw)) {
            for (Map.Entry<String, NetworkParameters.Tensor> e : tensors.entrySet()) {
                Path tmp = Files.createTempFile("tensor", ".npy");
                Npy.write(tmp, e.getValue().shape(), e.getValue().values());
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(Files.readAllBytes(tmp));
                zip.closeEntry();
                Files.delete(tmp);
            }
        }
    }
}
