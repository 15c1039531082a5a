package org.adabet.provenance;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonNull;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.adabet.platform.CpuInfo;
import org.adabet.tda.EuclideanDistances;

/**
 * The provenance file of an output folder: what produced it (effective configuration, versions,
 * JVM, OS, the driver's CPU and kernel level, seed, git commit) and how long each stage took.
 * Written as JSON.
 */
public final class Provenance {
    /**
     * JSON has no NaN or infinity: a non-finite number (a failed measurement) is written as null.
     */
    private static final JsonSerializer<Double> FINITE_OR_NULL =
            (d, type, context) -> Double.isFinite(d) ? new JsonPrimitive(d) : JsonNull.INSTANCE;

    private static final Gson GSON =
            new GsonBuilder()
                    .setPrettyPrinting()
                    .serializeNulls()
                    .disableHtmlEscaping()
                    .registerTypeAdapter(Double.class, FINITE_OR_NULL)
                    .registerTypeAdapter(
                            Float.class,
                            (JsonSerializer<Float>)
                                    (f, type, context) ->
                                            FINITE_OR_NULL.serialize(
                                                    f.doubleValue(), type, context))
                    .registerTypeAdapter(
                            RawJson.class,
                            (JsonSerializer<RawJson>)
                                    (raw, type, context) -> JsonParser.parseString(raw.json()))
                    .create();

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, Object> timings = new LinkedHashMap<>();

    /**
     * @param gitCommit the commit the code came from, or null when unknown
     */
    public Provenance(
            String runId,
            long seed,
            String renderedConfig,
            String gitCommit,
            String sparkVersion,
            String sparkMaster) {
        fields.put("run_id", runId);
        fields.put("created", Instant.now().toString());
        fields.put("seed", seed);
        fields.put("project_version", Versions.project());
        fields.put("git_commit", gitCommit);
        fields.put("spark_version", sparkVersion);
        fields.put("spark_master", sparkMaster);
        fields.put("djl_version", Versions.djl());
        fields.put("libtorch_version", Versions.libtorch());
        fields.put(
                "java",
                System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        fields.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        fields.put("arch", System.getProperty("os.arch"));
        fields.put("cores", Runtime.getRuntime().availableProcessors());
        // Results are identical only on the same kernel path: record it, so two runs compare
        // knowingly.
        fields.put("cpu", CpuInfo.current().toMap());
        fields.put("tda_vector_lanes", EuclideanDistances.vectorLanes());
        fields.put("config", new RawJson(renderedConfig));
        fields.put("timings_ms", timings);
    }

    /** Records a stage's host wall time. */
    public void timing(String stage, double millis) {
        timings.put(stage, Math.round(millis * 10) / 10.0);
    }

    /** Any further fact worth keeping (e.g. pretraining cache hits). */
    public void put(String key, Object value) {
        fields.put(key, value);
    }

    /**
     * The provenance file's text (JSON, newline-terminated): the fields in insertion order, the
     * rendered configuration embedded as JSON; the caller writes it to any file system.
     */
    public String toJson() {
        return GSON.toJson(fields) + "\n";
    }

    /** Text that is already JSON (the rendered configuration). */
    record RawJson(String json) {}
}
