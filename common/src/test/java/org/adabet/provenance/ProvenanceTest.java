package org.adabet.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
