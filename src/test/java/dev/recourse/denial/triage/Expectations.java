package dev.recourse.denial.triage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads of a scenario's {@code expect:} block; absent keys mean "not checked". */
record Expectations(Map<String, Object> values) {

    Optional<String> text(String key) {
        return Optional.ofNullable(values.get(key)).map(String::valueOf);
    }

    Optional<Double> number(String key) {
        return text(key).map(Double::valueOf);
    }

    List<String> list(String key) {
        Object value = values.get(key);
        return value == null ? List.of() : ((List<?>) value).stream().map(String::valueOf).toList();
    }

    Map<String, String> map(String key) {
        Object value = values.get(key);
        Map<String, String> result = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(String.valueOf(k), String.valueOf(v)));
        }
        return result;
    }
}
