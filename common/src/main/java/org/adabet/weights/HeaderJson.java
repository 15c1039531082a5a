package org.adabet.weights;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.ToNumberStrategy;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Safetensors headers through Gson, strictly: objects become maps in file order, arrays lists,
 * integers {@link Long}s and other numbers {@link BigDecimal}s, so offsets are never rounded
 * through a double. Duplicate keys, trailing commas and trailing text are errors.
 */
final class HeaderJson {
    private static final Type MAP = new TypeToken<LinkedHashMap<String, Object>>() {}.getType();

    /**
     * Integers stay exact as longs; anything with a fraction or exponent keeps its decimal value.
     */
    private static final ToNumberStrategy EXACT =
            new ToNumberStrategy() {
                @Override
                public Number readNumber(JsonReader in) throws IOException {
                    String text = in.nextString();
                    if (text.matches("-?\\d+")) {
                        try {
                            return Long.parseLong(text);
                        } catch (NumberFormatException e) {
                            throw new JsonParseException(
                                    "integer " + text + " does not fit 64 bits");
                        }
                    }
                    return new BigDecimal(text);
                }
            };

    private static final Gson GSON =
            new GsonBuilder()
                    .setStrictness(Strictness.STRICT)
                    .setObjectToNumberStrategy(EXACT)
                    .create();

    private HeaderJson() {}

    /**
     * @param where names the text's origin in error messages
     * @throws IllegalArgumentException naming {@code where} and Gson's position of the first error
     */
    static Map<String, Object> parse(String text, String where) {
        try {
            Map<String, Object> map = GSON.fromJson(text, MAP);
            if (map == null) {
                throw new IllegalArgumentException(where + ": bad JSON: empty document");
            }
            return map;
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(where + ": bad JSON: " + firstLine(e), e);
        }
    }

    private static String firstLine(Exception e) {
        // Gson wraps the reader's MalformedJsonException; its own message is the one that says
        // where.
        Throwable t = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
