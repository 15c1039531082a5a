package org.adabet.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import java.util.List;

/**
 * The configurations that travel inside the jar (the project's {@code conf/*.conf}), and the
 * includer that lets a user's own file anywhere {@code include "quick.conf"}: an include that finds
 * nothing beside the including file falls back to the bundled copy of that name, where Typesafe
 * Config alone would silently include nothing.
 */
public final class BundledConfigs {
    /** Every bundled configuration; a test keeps this list equal to the files in {@code conf/}. */
    public static final List<String> NAMES =
            List.of("base", "devices", "fashion", "nightly", "paper", "quick", "synthetic");

    private BundledConfigs() {}

    /** Whether {@code name} (with or without {@code .conf}) is a bundled configuration. */
    public static boolean isBundled(String name) {
        return NAMES.contains(strip(name));
    }

    /** Parse options whose includes fall back to the bundled configurations. */
    public static ConfigParseOptions options() {
        return ConfigParseOptions.defaults().setAllowMissing(false).setIncluder(new Includer(null));
    }

    /**
     * @throws ConfigException listing every bundled name when {@code name} is none of them
     */
    public static Config parse(String name) {
        if (!isBundled(name)) {
            throw new ConfigException(
                    "'"
                            + name
                            + "' is not a bundled configuration (bundled: "
                            + String.join(", ", NAMES)
                            + ")");
        }
        return ConfigFactory.parseResources(
                ConfigLoader.BUNDLED + strip(name) + ".conf", options());
    }

    private static String strip(String name) {
        return name.endsWith(".conf") ? name.substring(0, name.length() - 5) : name;
    }

    private static final class Includer implements ConfigIncluder {
        private final ConfigIncluder fallback;

        Includer(ConfigIncluder fallback) {
            this.fallback = fallback;
        }

        @Override
        public ConfigIncluder withFallback(ConfigIncluder next) {
            return next == fallback ? this : new Includer(next);
        }

        @Override
        public ConfigObject include(ConfigIncludeContext context, String what) {
            ConfigObject found = fallback == null ? null : fallback.include(context, what);
            if ((found == null || found.isEmpty()) && isBundled(what)) {
                return parse(what).root();
            }
            return found;
        }
    }
}
