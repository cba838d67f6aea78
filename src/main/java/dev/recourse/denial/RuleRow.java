package dev.recourse.denial;

import java.util.List;
import java.util.Map;

/**
 * One row of a rule file with typed accessors whose failures name the file and row, so a broken row stops
 * start-up with a message that says where to look.
 */
public record RuleRow(String file, int number, Map<String, Object> values) {

    public String required(String key) {
        String value = optional(key);
        if (value == null || value.isBlank()) {
            throw problem("missing '" + key + "'");
        }
        return value;
    }

    public String optional(String key) {
        Object value = values.get(key);
        return value == null ? null : String.valueOf(value);
    }

    public int requiredInt(String key) {
        String value = required(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw problem("'" + key + "' must be a whole number, not '" + value + "'");
        }
    }

    public double number(String key, double fallback) {
        String value = optional(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw problem("'" + key + "' must be a number, not '" + value + "'");
        }
    }

    public boolean flag(String key, boolean fallback) {
        String value = optional(key);
        return value == null ? fallback : Boolean.parseBoolean(value);
    }

    /** A list value; a single scalar is read as a one-element list and a missing key as an empty list. */
    public List<String> list(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> items) {
            return items.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    public SourceConfidence confidence() {
        String tag = required("confidence");
        try {
            return SourceConfidence.fromTag(tag);
        } catch (IllegalArgumentException e) {
            throw problem("'confidence' must be V, S or U, not '" + tag + "'");
        }
    }

    public RuleFileException problem(String what) {
        return new RuleFileException(file + " row " + number + ": " + what + " in " + values);
    }
}
