package dev.recourse.denial;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reason- and action-code tables of {@code rules/}, one file per code system, loaded once. Only codes that
 * RULES.md documents are shipped (X12 and NCPDP lists are licensed); anything else is "not recognised" and
 * lowers confidence instead of failing. There is no X12 886 table: RULES.md documents none of its codes.
 */
public final class CodeTables {

    private static final Map<String, String> FILES = Map.of(
            CodeSystems.CARC, "rules/carc.yaml",
            CodeSystems.RARC, "rules/rarc.yaml",
            CodeSystems.NCPDP_REJECT, "rules/ncpdp-reject.yaml",
            CodeSystems.X12_REVIEW_ACTION, "rules/x12-306-review-action.yaml");

    private static final Map<String, String> SHORT_NAMES = Map.of(
            CodeSystems.CARC, "CARC",
            CodeSystems.RARC, "RARC",
            CodeSystems.NCPDP_REJECT, "NCPDP reject",
            CodeSystems.X12_REVIEW_ACTION, "X12 306",
            CodeSystems.X12_REVIEW_DECISION_REASON, "X12 886");

    /** CARCs are often written with their group code, e.g. "CO-50"; the group is not part of the reason. */
    private static final Pattern CARC_GROUP_PREFIX = Pattern.compile("^(CO|PR|OA|PI)[-\\s]?(?=[0-9A-Z])");

    private final Map<String, Map<String, CodeRule>> bySystem;

    private CodeTables(Map<String, Map<String, CodeRule>> bySystem) {
        this.bySystem = bySystem;
    }

    public static CodeTables load() {
        Map<String, Map<String, CodeRule>> tables = new HashMap<>();
        FILES.forEach((system, file) -> tables.put(system, index(file, RuleFile.load(file, row -> parse(system, row)))));
        return new CodeTables(Map.copyOf(tables));
    }

    public Optional<CodeRule> find(String system, String code) {
        if (system == null || code == null) {
            return Optional.empty();
        }
        Map<String, CodeRule> table = bySystem.getOrDefault(system, Map.of());
        return Optional.ofNullable(table.get(normalise(system, code)));
    }

    /** Rows per code system file, for reports and tests. */
    public Map<String, Integer> sizes() {
        Map<String, Integer> sizes = new HashMap<>();
        FILES.forEach((system, file) -> sizes.put(file, bySystem.get(system).size()));
        return sizes;
    }

    public static String shortName(String system) {
        return system == null ? "code" : SHORT_NAMES.getOrDefault(system, system);
    }

    private static String normalise(String system, String code) {
        String trimmed = code.trim().toUpperCase(Locale.ROOT);
        return CodeSystems.CARC.equals(system) ? CARC_GROUP_PREFIX.matcher(trimmed).replaceFirst("") : trimmed;
    }

    private static Map<String, CodeRule> index(String file, List<CodeRule> rows) {
        Map<String, CodeRule> byCode = new HashMap<>();
        for (CodeRule row : rows) {
            if (byCode.put(row.code(), row) != null) {
                throw new RuleFileException(file + ": code " + row.code() + " appears twice");
            }
        }
        return Map.copyOf(byCode);
    }

    private static CodeRule parse(String system, RuleRow row) {
        String category = row.optional("category");
        double weight = row.number("weight", category == null ? 0 : -1);
        if (category != null && (weight <= 0 || weight > 1)) {
            throw row.problem("a row with a category needs a weight in (0, 1]");
        }
        return new CodeRule(system, row.required("code").toUpperCase(Locale.ROOT), row.required("description"),
                category == null ? null : DenialCategory.fromCode(category), weight, row.optional("decision"),
                new Citation(row.required("citation"), row.confidence()));
    }
}
