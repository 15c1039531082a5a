package org.adabet.provenance;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.util.List;
import java.util.Map;

/**
 * A run's {@code provenance.json} read back: what produced the run and how it went, typed. Fields
 * are the file's keys in camel case ({@code run_id} is {@link #runId}); a key an older run did not
 * write reads as null (objects) or 0 (numbers).
 *
 * @param config the effective configuration, as written (HOCON rendered as JSON)
 * @param timingsMs host wall time of each stage and of the whole run, milliseconds
 * @param tasks per resumable stage: tasks planned, reused from an earlier attempt, computed
 * @param failures failed tasks and selections (rows of the {@code failures} table)
 * @param datasets per dataset target: its path, layout, classes, split sizes, skipped images
 */
public record RunProvenance(
        String runId,
        String name,
        String runDate,
        String folder,
        String created,
        long seed,
        String projectVersion,
        String gitCommit,
        String sparkVersion,
        String sparkMaster,
        String sparkApplicationId,
        String sparkUi,
        int attempt,
        String djlVersion,
        String libtorchVersion,
        String java,
        String os,
        String arch,
        int cores,
        Map<String, Object> cpu,
        int tdaVectorLanes,
        JsonObject config,
        Map<String, Double> timingsMs,
        Map<String, StageTasks> tasks,
        int failures,
        long failedStatisticsTasks,
        long failedGradientTasks,
        long failedRetrainRuns,
        long failedOracleRuns,
        Map<String, Map<String, Object>> datasets,
        List<Map<String, Object>> executorCpus) {

    /** One resumable stage's task counts. */
    public record StageTasks(int tasks, int reused, int computed) {}

    private static final Gson GSON =
            new GsonBuilder()
                    .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
                    .create();

    /**
     * Parses a {@code provenance.json} text.
     *
     * @throws IllegalArgumentException naming {@code source} when the text is not such a file
     */
    public static RunProvenance fromJson(String json, String source) {
        try {
            RunProvenance p = GSON.fromJson(json, RunProvenance.class);
            if (p == null || p.runId() == null) {
                throw new IllegalArgumentException(source + ": not a provenance file (no run_id)");
            }
            return p;
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(
                    source + ": not a provenance file: " + e.getMessage(), e);
        }
    }
}
