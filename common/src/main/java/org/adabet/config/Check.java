package org.adabet.config;

import java.util.List;

/** Range checks for record constructors; every message names the key and the bad value. */
final class Check {
    private Check() {}

    static int atLeast(String key, int value, int min) {
        if (value < min) {
            throw new ConfigException(key + " must be >= " + min + ", was " + value);
        }
        return value;
    }

    static int between(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ConfigException(key + " must be in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }

    static double positive(String key, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ConfigException(key + " must be a finite number > 0, was " + value);
        }
        return value;
    }

    static double inUnitInterval(String key, double value, boolean includeZero) {
        boolean ok = includeZero ? value >= 0 && value < 1 : value > 0 && value <= 1;
        if (!ok || Double.isNaN(value)) {
            throw new ConfigException(
                    key + " must be in " + (includeZero ? "[0, 1)" : "(0, 1]") + ", was " + value);
        }
        return value;
    }

    static <T> List<T> nonEmpty(String key, List<T> values) {
        if (values == null || values.isEmpty()) {
            throw new ConfigException(key + " must not be empty, was " + values);
        }
        return List.copyOf(values);
    }

    static <T> List<T> distinct(String key, List<T> values) {
        if (values.stream().distinct().count() != values.size()) {
            throw new ConfigException(key + " must not repeat a value, was " + values);
        }
        return values;
    }

    static String notBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(key + " must not be empty, was '" + value + "'");
        }
        return value;
    }
}
