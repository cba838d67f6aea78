package dev.recourse.denial;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a YAML rule file from the classpath: a document with a {@code rows:} list of maps. Each row is handed
 * to a parser; any failure is rethrown naming the file and the row number (1-based), so a broken table fails
 * fast at load instead of misclassifying a denial later.
 */
public final class RuleFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RuleFile() {
    }

    public static <T> List<T> load(String resource, Function<RuleRow, T> parser) {
        List<Map<String, Object>> rows = readRows(resource);
        List<T> parsed = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            RuleRow row = new RuleRow(resource, i + 1, rows.get(i));
            try {
                parsed.add(parser.apply(row));
            } catch (RuleFileException e) {
                throw e;
            } catch (RuntimeException e) {
                throw row.problem(e.getMessage());
            }
        }
        return List.copyOf(parsed);
    }

    private static List<Map<String, Object>> readRows(String resource) {
        try (InputStream in = RuleFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new RuleFileException(resource + ": not found on the classpath");
            }
            Map<String, List<Map<String, Object>>> document = YAML.readValue(in, new TypeReference<>() { });
            List<Map<String, Object>> rows = document == null ? null : document.get("rows");
            if (rows == null || rows.isEmpty()) {
                throw new RuleFileException(resource + ": has no 'rows'");
            }
            return rows;
        } catch (IOException e) {
            throw new RuleFileException(resource + ": cannot be read as YAML: " + e.getMessage(), e);
        }
    }
}
