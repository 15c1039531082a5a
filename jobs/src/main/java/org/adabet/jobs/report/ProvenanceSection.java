package org.adabet.jobs.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;
import java.util.Set;

/**
 * The report's provenance section from the run's {@code provenance.json}: every scalar field
 * (commit, versions, CPU, attempt, failure counts; nested objects flattened with dotted names), the
 * per-stage wall times, and the effective configuration. The per-dataset class lists are left to
 * the file itself.
 */
final class ProvenanceSection {
    private ProvenanceSection() {}

    private static final Set<String> SEPARATE = Set.of("config", "timings_ms", "datasets");

    static String markdown(String json) {
        JsonObject p = JsonParser.parseString(json).getAsJsonObject();
        StringBuilder md = new StringBuilder("| field | value |\n|---|---|\n");
        for (Map.Entry<String, JsonElement> e : p.entrySet()) {
            if (!SEPARATE.contains(e.getKey())) {
                flatten(e.getKey(), e.getValue(), md);
            }
        }
        if (p.has("timings_ms") && p.get("timings_ms").isJsonObject()) {
            md.append("\n**Wall times per stage**\n\n| stage | seconds |\n|---|---|\n");
            for (Map.Entry<String, JsonElement> e : p.getAsJsonObject("timings_ms").entrySet()) {
                md.append("| ")
                        .append(cell(e.getKey()))
                        .append(" | ")
                        .append(
                                String.format(
                                        java.util.Locale.ROOT,
                                        "%.1f",
                                        e.getValue().getAsDouble() / 1000))
                        .append(" |\n");
            }
        }
        if (p.has("config")) {
            md.append("\n**Effective configuration**\n\n```json\n")
                    .append(new GsonBuilder().setPrettyPrinting().create().toJson(p.get("config")))
                    .append("\n```\n");
        }
        return md.toString();
    }

    private static void flatten(String key, JsonElement value, StringBuilder md) {
        if (value.isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : value.getAsJsonObject().entrySet()) {
                flatten(key + "." + e.getKey(), e.getValue(), md);
            }
        } else {
            String text =
                    value.isJsonPrimitive()
                            ? value.getAsString()
                            : value.isJsonNull() ? "" : value.toString();
            md.append("| ").append(cell(key)).append(" | ").append(cell(text)).append(" |\n");
        }
    }

    /** A Markdown table cell shown literally: one line, every ASCII punctuation mark escaped. */
    static String cell(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.replace('\n', ' ').toCharArray()) {
            if (c < 128 && !Character.isLetterOrDigit(c) && c > ' ') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
