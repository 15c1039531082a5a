package org.adabet.jobs;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.adabet.regression.Tolerances;

/**
 * {@code conf/nightly.conf}: which sweep runs every night ({@code sweep}, a bundled configuration
 * name or a file, and {@code set}, its overrides) and the tolerances its results are compared with
 * ({@code compare}).
 */
record NightlyConf(String sweep, List<String> set, Tolerances tolerances) {
    private static final Set<String> KEYS = Set.of("sweep", "set", "compare");

    /**
     * @param file null for the project's {@code conf/nightly.conf}; a relative path is the caller's
     *     ({@code -Dadabet.cwd}) when it exists there
     */
    static NightlyConf load(String file) {
        Path path = file == null ? Path.of("conf", "nightly.conf") : Path.of(file);
        String cwd = System.getProperty("adabet.cwd");
        if (file != null
                && !path.isAbsolute()
                && cwd != null
                && Files.exists(Path.of(cwd).resolve(path))) {
            path = Path.of(cwd).resolve(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(
                    "nightly configuration '" + path + "' does not exist");
        }
        Config c;
        try {
            c = ConfigFactory.parseFile(path.toFile()).resolve();
        } catch (ConfigException e) {
            throw new IllegalArgumentException(path + ": not a configuration: " + e.getMessage());
        }
        for (String key : c.root().keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(
                        path + ": unknown key '" + key + "' (known: sweep, set, compare)");
            }
        }
        try {
            return new NightlyConf(
                    c.hasPath("sweep") ? c.getString("sweep") : "quick",
                    c.hasPath("set") ? c.getStringList("set") : List.of(),
                    Tolerances.from(
                            c.hasPath("compare") ? c.getConfig("compare") : ConfigFactory.empty()));
        } catch (ConfigException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage());
        }
    }
}
