package org.adabet.weights;

import static org.adabet.weights.TestFiles.f4;
import static org.adabet.weights.TestFiles.npy;
import static org.adabet.weights.TestFiles.npz;
import static org.adabet.weights.TestFiles.safetensors;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDictReaderTest {
    @TempDir Path dir;

    @Test
    void dispatchesOnTheExtensionCaseInsensitively() throws IOException {
        Path a =
                npz(dir.resolve("A.NPZ"), false, Map.of("w", npy("<f4", new long[] {2}, f4(1, 2))));
        Path b =
                safetensors(
                        dir.resolve("b.safetensors"),
                        "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}",
                        f4(1, 2));
        assertArrayEquals(
                StateDictReader.read(a).tensors().get("w").values(),
                StateDictReader.read(b).tensors().get("w").values());
    }

    @Test
    void refusesUnknownExtensionsNamingTheFile() throws IOException {
        Path pt = Files.write(dir.resolve("model.pt"), new byte[] {1});
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> StateDictReader.read(pt));
        assertTrue(
                e.getMessage().contains("model.pt")
                        && e.getMessage().contains(".npz or .safetensors"),
                e.getMessage());
    }
}
