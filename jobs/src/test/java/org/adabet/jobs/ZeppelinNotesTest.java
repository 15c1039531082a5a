package org.adabet.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Zeppelin note in {@code notebooks/} run as Zeppelin would run it, without Zeppelin: its
 * dynamic forms filled with their defaults (the results location with a tiny sweep's), every {@code
 * %spark.sql} paragraph run statement by statement in local Spark. A paragraph fails the test when
 * a statement errors, when its last statement returns no rows, or when its chart names a column (or
 * column position) that its query does not return: Zeppelin would silently drop it.
 */
@Tag("spark")
@Tag("slow")
class ZeppelinNotesTest {
    /** {@code $${name=default}} (note form) and {@code ${name=default}} (paragraph form). */
    private static final Pattern FORM =
            Pattern.compile("(\\$?)\\$\\{([A-Za-z_][\\w]*)(?:=([^}]*))?}");

    private static SparkSession spark;
    private static String results;

    @BeforeAll
    static void sweep() {
        spark = LocalSpark.session("zeppelin-notes-test", "local[2]");
        results =
                Path.of(java.net.URI.create("file://" + ReportSweep.results(spark)))
                        .toUri()
                        .toString();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static List<Path> notes() throws Exception {
        Path dir = Path.of("..", "notebooks");
        try (var files = Files.list(dir)) {
            List<Path> notes = files.filter(p -> p.toString().endsWith(".zpln")).sorted().toList();
            assertFalse(notes.isEmpty(), "no .zpln in " + dir.toAbsolutePath());
            return notes;
        }
    }

    @TestFactory
    List<DynamicTest> everySqlParagraphRunsAndItsChartNamesItsColumns() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path note : notes()) {
            JsonObject json = JsonParser.parseString(Files.readString(note)).getAsJsonObject();
            assertTrue(
                    json.has("name") && json.has("id") && json.has("paragraphs"), note.toString());
            int i = 0;
            for (JsonElement e : json.getAsJsonArray("paragraphs")) {
                JsonObject p = e.getAsJsonObject();
                String text = p.get("text").getAsString();
                String name =
                        note.getFileName()
                                + " #"
                                + i++
                                + " "
                                + (p.has("title") ? p.get("title").getAsString() : "");
                if (text.startsWith("%md")) {
                    continue;
                }
                if (!text.startsWith("%spark.sql")) {
                    tests.add(
                            DynamicTest.dynamicTest(
                                    name,
                                    () ->
                                            fail(
                                                    "only %md and %spark.sql paragraphs are tested: "
                                                            + text.lines()
                                                                    .findFirst()
                                                                    .orElse(""))));
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(name, () -> run(name, p, text)));
            }
        }
        return tests;
    }

    private static void run(String name, JsonObject paragraph, String text) {
        String sql = fillForms(text.substring("%spark.sql".length()));
        List<String> statements = statements(sql);
        assertFalse(statements.isEmpty(), name + " has no statement");
        Dataset<Row> last = null;
        for (String statement : statements) {
            try {
                last = spark.sql(statement);
            } catch (Exception e) {
                fail(
                        name
                                + ": "
                                + e.getMessage().lines().findFirst().orElse("")
                                + "\n"
                                + statement);
            }
        }
        List<Row> rows = last.collectAsList();
        assertFalse(rows.isEmpty(), name + " returned no rows");
        List<String> columns = Arrays.asList(last.columns());
        JsonObject config = paragraph.getAsJsonObject("config");
        if (config.has("results")) {
            for (Map.Entry<String, JsonElement> r : config.getAsJsonObject("results").entrySet()) {
                JsonObject graph = r.getValue().getAsJsonObject().getAsJsonObject("graph");
                if (graph == null || graph.get("mode").getAsString().equals("table")) {
                    continue;
                }
                List<JsonObject> named = new ArrayList<>();
                for (String part : List.of("keys", "groups", "values")) {
                    graph.getAsJsonArray(part).forEach(c -> named.add(c.getAsJsonObject()));
                }
                JsonObject setting = graph.getAsJsonObject("setting");
                if (setting != null && setting.has("scatterChart")) {
                    setting.getAsJsonObject("scatterChart")
                            .entrySet()
                            .forEach(a -> named.add(a.getValue().getAsJsonObject()));
                }
                assertFalse(
                        named.isEmpty(),
                        name + ": a " + graph.get("mode") + " that names no column");
                for (JsonObject c : named) {
                    String column = c.get("name").getAsString();
                    assertTrue(
                            columns.contains(column),
                            name + ": chart names '" + column + "', query returns " + columns);
                    assertEquals(
                            columns.indexOf(column),
                            c.get("index").getAsInt(),
                            name + ": chart's index of '" + column + "'");
                }
            }
        }
    }

    /** Every form at its default; the note's {@code results} form at the tiny sweep's location. */
    static String fillForms(String text) {
        Matcher m = FORM.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean noteForm = !m.group(1).isEmpty();
            String value = m.group(3) == null ? "" : m.group(3).split(",", -1)[0];
            if (noteForm && m.group(2).equals("results")) {
                value = results;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Statements split at ';' outside quotes and comments, as Zeppelin's SQL splitter does. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        boolean comment = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (comment) {
                if (c == '\n') {
                    comment = false;
                    current.append(c);
                }
                continue;
            }
            if (quote != 0) {
                current.append(c);
                if (c == '\\' && i + 1 < sql.length()) {
                    current.append(sql.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                comment = true;
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                current.append(c);
            } else if (c == ';') {
                add(out, current);
            } else {
                current.append(c);
            }
        }
        add(out, current);
        return out;
    }

    private static void add(List<String> out, StringBuilder statement) {
        if (!statement.toString().isBlank()) {
            out.add(statement.toString().trim());
        }
        statement.setLength(0);
    }
}
