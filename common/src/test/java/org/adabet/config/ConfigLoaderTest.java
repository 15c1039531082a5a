package org.adabet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @Test
    void bundledQuickConfigBindsEveryDefault() {
        SweepConfig c = ConfigLoader.load("quick", List.of());
        assertEquals("quick", c.name());
        assertEquals(42, c.seed());
        assertEquals(4, c.statistics().batches());
        assertEquals(32, c.statistics().batchSize());
        assertEquals(List.of("corrupted", "new_classes"), c.data().targets());
        assertEquals(
                List.of(
                        "adabet",
                        "adabet:beta1",
                        "adabet:beta0",
                        "adabet:total_persistence1",
                        "adabet:beta1_above",
                        "adabet_channel",
                        "full",
                        "last_layer",
                        "bn_bias",
                        "tinytl_bias",
                        "fisher",
                        "rgn",
                        "elastic",
                        "random"),
                c.selection().methods());
        assertEquals(List.of(5L * 1024 * 1024), c.selection().memoryBudgets());
        assertEquals(4, c.frozenBits());
        assertEquals(4, c.devices().size());
        assertEquals(512L * 1024, c.devices().get(0).memoryBytes());
        assertFalse(c.selection().forceHead());
        assertEquals(0.9, c.retrain().training().momentum());
        assertEquals("local[2]", c.spark().master());
    }

    @Test
    void overridesReplaceValuesWithOrWithoutThePrefix() {
        SweepConfig c =
                ConfigLoader.load(
                        "quick",
                        List.of(
                                "retrain.epochs=3",
                                "adabet.selection.rhos=[0.5]",
                                "data.targets=[new_classes]"));
        assertEquals(3, c.retrain().training().epochs());
        assertEquals(List.of(0.5), c.selection().rhos());
        assertEquals(List.of("new_classes"), c.data().targets());
    }

    @Test
    void aFileIncludingBaseConfIsRead(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("../conf/base.conf"), dir.resolve("base.conf"));
        Path mine = dir.resolve("mine.conf");
        Files.writeString(mine, "include \"base.conf\"\nadabet { name = mine, seed = 7 }\n");
        SweepConfig c = ConfigLoader.load(mine.toString(), List.of());
        assertEquals("mine", c.name());
        assertEquals(7, c.seed());
    }

    @Test
    void theScienceConfigurationLeavesOutWhereAndHowFastARunHappens() {
        SweepConfig quick = ConfigLoader.load("quick", List.of());
        SweepConfig moved =
                ConfigLoader.load(
                        "quick",
                        List.of(
                                "output.dir=\"hdfs://nn:8020/r\"",
                                "spark.master=\"local[1]\"",
                                "spark.partitions=7",
                                "pretrain.cache-dir=/elsewhere"));
        assertFalse(quick.rendered().equals(moved.rendered()));
        assertEquals(quick.science(), moved.science());
        assertFalse(quick.science().contains("local[2]"), quick.science());
        assertFalse(
                quick.science().equals(ConfigLoader.load("quick", List.of("seed=43")).science()));
        assertFalse(
                quick.science()
                        .equals(ConfigLoader.load("quick", List.of("retrain.epochs=3")).science()));
    }

    @Test
    void theReferenceMemoryProfilingBatchIsASettingCheckedByName() {
        assertEquals(8, ConfigLoader.load("quick", List.of()).profilingBatch());
        assertEquals(
                32,
                ConfigLoader.load("quick", List.of("memory.profiling-batch=32")).profilingBatch());
        ConfigException e =
                assertThrows(
                        ConfigException.class,
                        () -> ConfigLoader.load("quick", List.of("memory.profiling-batch=0")));
        assertTrue(e.getMessage().contains("adabet.memory.profiling-batch"), e.getMessage());
    }

    @Test
    void unknownKeyIsRejectedByName() {
        ConfigException e =
                assertThrows(
                        ConfigException.class,
                        () -> ConfigLoader.load("quick", List.of("retrain.epocs=3")));
        assertTrue(e.getMessage().contains("adabet.retrain.epocs"), e.getMessage());
    }

    @Test
    void badValuesNameKeyAndValue() {
        assertMessage("adabet.retrain.epochs must be >= 1, was 0", "retrain.epochs=0");
        assertMessage("adabet.selection.rhos must be in (0, 1], was 1.5", "selection.rhos=[1.5]");
        assertMessage(
                "adabet.statistics.max-dimension must be in [1, 2], was 5",
                "statistics.max-dimension=5");
        assertMessage("adabet.data.targets has unknown value 'fog'", "data.targets=[fog]");
        assertMessage(
                "adabet.pretrain.momentum must be in [0, 1), was 1.0", "pretrain.momentum=1.0");
        assertMessage(
                "adabet.retrain.epochs must be a number, was \"many\"", "retrain.epochs=many");
    }

    @Test
    void badDeviceEntriesAreNamed() {
        assertMessage(
                "adabet.devices.pi.gflops must be a finite number > 0, was -1.0",
                "devices=[{name=pi, memory=1G, gflops=-1}]");
        assertMessage("unknown key 'ram'", "devices=[{name=pi, ram=1G, gflops=1}]");
        assertMessage("adabet.selection.memory-budgets", "selection.memory-budgets=[lots]");
    }

    @Test
    void missingFileIsNamed() {
        ConfigException e =
                assertThrows(
                        ConfigException.class, () -> ConfigLoader.load("nope/x.conf", List.of()));
        assertTrue(e.getMessage().contains("nope/x.conf"), e.getMessage());
    }

    @Test
    void renderedConfigIsStableAndReflectsOverrides() {
        String a = ConfigLoader.load("quick", List.of()).rendered();
        assertEquals(a, ConfigLoader.load("quick", List.of()).rendered());
        assertFalse(a.equals(ConfigLoader.load("quick", List.of("seed=1")).rendered()));
    }

    private static void assertMessage(String expected, String override) {
        ConfigException e =
                assertThrows(
                        ConfigException.class, () -> ConfigLoader.load("quick", List.of(override)));
        assertTrue(e.getMessage().contains(expected), "message was: " + e.getMessage());
    }
}
