package org.adabet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledConfigsTest {
    @TempDir Path tmp;

    @Test
    void aUserConfigAnywhereCanIncludeABundledOne() throws IOException {
        Path mine = tmp.resolve("mine.conf");
        Files.writeString(mine, "include \"quick.conf\"\nadabet.name = mine\n");
        SweepConfig c = ConfigLoader.load(mine.toString(), List.of());
        SweepConfig quick = ConfigLoader.load("quick", List.of());
        assertEquals("mine", c.name());
        assertEquals(quick.selection().methods(), c.selection().methods());
        assertEquals(quick.seed(), c.seed());
    }

    @Test
    void fileArgumentsResolveFromTheCallersDirectory() throws IOException {
        Files.writeString(tmp.resolve("rel.conf"), "include \"quick.conf\"\nadabet.seed = 7\n");
        String before = System.getProperty("adabet.cwd");
        System.setProperty("adabet.cwd", tmp.toString());
        try {
            assertEquals(7, ConfigLoader.load("rel.conf", List.of()).seed());
        } finally {
            if (before == null) {
                System.clearProperty("adabet.cwd");
            } else {
                System.setProperty("adabet.cwd", before);
            }
        }
    }

    @Test
    void anUnknownNameListsEveryBundledConfig() {
        ConfigException e =
                assertThrows(ConfigException.class, () -> ConfigLoader.load("quik", List.of()));
        for (String name : BundledConfigs.NAMES) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
    }

    @Test
    void theListIsEveryFileInConf() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "conf"))) {
            List<String> names =
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".conf"))
                            .map(n -> n.substring(0, n.length() - 5))
                            .sorted()
                            .toList();
            assertEquals(names, BundledConfigs.NAMES);
        }
    }

    @Test
    void systemPropertiesOverrideTheFile() {
        System.setProperty("adabet.seed", "123");
        try {
            assertEquals(123, ConfigLoader.load("quick", List.of()).seed());
        } finally {
            System.clearProperty("adabet.seed");
        }
    }
}
