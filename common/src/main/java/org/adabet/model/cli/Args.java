package org.adabet.model.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --key value} options of the model commands, checked against the keys a command knows. */
final class Args {
    private final Map<String, String> values = new HashMap<>();

    Args(String[] args, List<String> known, String usage) {
        for (int i = 0; i < args.length; i++) {
            if (!known.contains(args[i])) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'\n" + usage);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value\n" + usage);
            }
            values.put(args[i], args[++i]);
        }
    }

    String get(String key) {
        return values.get(key);
    }

    String required(String key, String usage) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing " + key + "\n" + usage);
        }
        return v;
    }

    int integer(String key, int fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, was '" + v + "'");
        }
    }
}
