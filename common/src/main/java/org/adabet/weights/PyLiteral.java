package org.adabet.weights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader for the subset of Python literal syntax numpy writes in {@code .npy} headers: dicts,
 * tuples and lists, quoted strings (without escapes), integers and booleans.
 */
final class PyLiteral {
    private final String s;
    private final String where;
    private int pos;

    private PyLiteral(String s, String where) {
        this.s = s;
        this.where = where;
    }

    /**
     * @param where names the text's origin in error messages
     * @return a Map, List, String, Long or Boolean
     */
    static Object parse(String s, String where) {
        return new PyLiteral(s, where).whole();
    }

    private Object whole() {
        Object v = value();
        space();
        if (pos != s.length()) {
            throw error("unexpected text");
        }
        return v;
    }

    private Object value() {
        space();
        if (pos >= s.length()) {
            throw error("unexpected end");
        }
        char c = s.charAt(pos);
        if (c == '{') {
            return dict();
        }
        if (c == '(' || c == '[') {
            return items(c == '(' ? ')' : ']');
        }
        if (c == '\'' || c == '"') {
            int end = s.indexOf(c, pos + 1);
            if (end < 0) {
                throw error("unterminated string");
            }
            String str = s.substring(pos + 1, end);
            pos = end + 1;
            return str;
        }
        if (s.startsWith("True", pos) || s.startsWith("False", pos)) {
            boolean b = s.startsWith("True", pos);
            pos += b ? 4 : 5;
            return b;
        }
        int start = pos;
        while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '-')) {
            pos++;
        }
        if (start == pos) {
            throw error("unexpected character '" + c + "'");
        }
        String digits = s.substring(start, pos);
        if (peek() == 'L') {
            pos++; // Python 2 long suffix, in files written by old numpy
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw error("bad integer " + digits);
        }
    }

    private Map<Object, Object> dict() {
        Map<Object, Object> map = new LinkedHashMap<>();
        pos++;
        while (true) {
            space();
            if (peek() == '}') {
                pos++;
                return map;
            }
            Object key = value();
            space();
            expect(':');
            map.put(key, value());
            separator('}');
        }
    }

    private List<Object> items(char close) {
        List<Object> list = new ArrayList<>();
        pos++;
        while (true) {
            space();
            if (peek() == close) {
                pos++;
                return list;
            }
            list.add(value());
            separator(close);
        }
    }

    /**
     * After an element: a comma (trailing commas are legal Python), or the closing bracket next.
     */
    private void separator(char close) {
        space();
        if (peek() == ',') {
            pos++;
        } else if (peek() != close) {
            throw error("expected ',' or '" + close + "'");
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private void space() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(
                where + ": bad .npy header at offset " + pos + " (" + what + "): " + s.strip());
    }
}
