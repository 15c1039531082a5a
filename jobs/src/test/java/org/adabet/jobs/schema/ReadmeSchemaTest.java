package org.adabet.jobs.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The README's column lists ("Outputs": one bullet per table) against the schemas declared in
 * {@link Tables}: every declared column is documented, in the declared order, and every column the
 * README names exists. Values and explanations in parentheses are not columns.
 */
class ReadmeSchemaTest {
    private static final Pattern NAME = Pattern.compile("`([a-z][a-z0-9_]*)`");

    @Test
    void everyTablesColumnsAreTheReadmesInTheirOrder() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        int checked = 0;
        for (Field f : Tables.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != StructType.class) {
                continue;
            }
            String table =
                    (String) Tables.class.getField(f.getName().replace("_SCHEMA", "")).get(null);
            List<String> declared =
                    new ArrayList<>(List.of(((StructType) f.get(null)).fieldNames()));
            declared.remove("run_id");
            assertEquals(declared, documented(readme, table), "README columns of " + table);
            checked++;
        }
        assertTrue(checked >= 7, "schemas found: " + checked);
    }

    /**
     * Backticked names of the table's bullet ({@code - **table**: ...} or {@code **a** /
     * **table**}), parentheses dropped.
     */
    private static List<String> documented(String readme, String table) {
        Matcher bullet =
                Pattern.compile(
                                "(?m)^- (\\*\\*[a-z_]+\\*\\* / )?\\*\\*"
                                        + table
                                        + "\\*\\*( / \\*\\*[a-z_]+\\*\\*)?:")
                        .matcher(readme);
        assertTrue(bullet.find(), "README has no column list for " + table);
        int end = readme.indexOf("\n- **", bullet.end());
        int blank = readme.indexOf("\n\n", bullet.end());
        String text =
                readme.substring(
                        bullet.end(),
                        Math.min(
                                end < 0 ? readme.length() : end,
                                blank < 0 ? readme.length() : blank));
        String withoutParentheses = text;
        for (String previous = ""; !previous.equals(withoutParentheses); ) {
            previous = withoutParentheses;
            withoutParentheses = withoutParentheses.replaceAll("\\([^()]*\\)", "");
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher m = NAME.matcher(withoutParentheses);
        while (m.find()) {
            names.add(m.group(1));
        }
        return new ArrayList<>(names);
    }
}
