package org.adabet.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
    @Test
    void writesValidJsonWithTheConfigEmbeddedAndNonFiniteNumbersAsNull() {
        Provenance p =
                new Provenance(
                        "r1", 7, "{\"sweep\": {\"seeds\": [1, 2]}}", null, "4.2.0", "local[2]");
        p.timing("stage \"a\"", 12.34);
        p.put("scores", List.of(1.5, Double.NaN, Double.POSITIVE_INFINITY));
        p.put("pair", Map.of("name", "a,b\n"));
        JsonObject o = JsonParser.parseString(p.toJson()).getAsJsonObject();
        assertEquals("r1", o.get("run_id").getAsString());
        assertEquals(7, o.get("seed").getAsLong());
        assertTrue(o.get("git_commit").isJsonNull());
        assertEquals(
                2,
                o.getAsJsonObject("config")
                        .getAsJsonObject("sweep")
                        .getAsJsonArray("seeds")
                        .get(1)
                        .getAsInt());
        assertEquals(12.3, o.getAsJsonObject("timings_ms").get("stage \"a\"").getAsDouble());
        assertEquals(1.5, o.getAsJsonArray("scores").get(0).getAsDouble());
        assertTrue(o.getAsJsonArray("scores").get(1).isJsonNull());
        assertTrue(o.getAsJsonArray("scores").get(2).isJsonNull());
        assertEquals("a,b\n", o.getAsJsonObject("pair").get("name").getAsString());
    }

    @Test
    void readsBackTypedAndNamesAFileThatIsNotOne() {
        Provenance p = new Provenance("r2", 3, "{\"name\": \"quick\"}", "abc", "4.2.0", "local[1]");
        p.timing("retrain", 1500.0);
        p.put("tasks", Map.of("retrain", Map.of("tasks", 4, "reused", 1, "computed", 3)));
        p.put("failures", 2);
        p.put("failed_oracle_runs", 1L);
        RunProvenance back = RunProvenance.fromJson(p.toJson(), "provenance.json");
        assertEquals("r2", back.runId());
        assertEquals(3, back.seed());
        assertEquals("abc", back.gitCommit());
        assertEquals("local[1]", back.sparkMaster());
        assertEquals(1500.0, back.timingsMs().get("retrain"));
        assertEquals(new RunProvenance.StageTasks(4, 1, 3), back.tasks().get("retrain"));
        assertEquals(2, back.failures());
        assertEquals(1, back.failedOracleRuns());
        assertEquals("quick", back.config().get("name").getAsString());
        assertEquals(Runtime.getRuntime().availableProcessors(), back.cores());
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> RunProvenance.fromJson("[1, 2]", "/r/provenance.json"));
        assertTrue(
                e.getMessage().startsWith("/r/provenance.json: not a provenance file"),
                e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> RunProvenance.fromJson("{\"seed\": 1}", "/r/provenance.json"));
        assertEquals("/r/provenance.json: not a provenance file (no run_id)", e.getMessage());
    }
}
