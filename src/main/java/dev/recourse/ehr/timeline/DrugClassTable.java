package dev.recourse.ehr.timeline;

import dev.recourse.denial.Citation;
import dev.recourse.denial.RuleFile;
import dev.recourse.denial.RuleFileException;
import dev.recourse.denial.RuleRow;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ingredients of {@code rules/drug-classes.yaml}, in file order. A product with several ingredients
 * matches several rows, one episode each.
 */
final class DrugClassTable {

    static final String FILE = "rules/drug-classes.yaml";

    private final List<IngredientRule> rows;

    private DrugClassTable(List<IngredientRule> rows) {
        this.rows = rows;
    }

    static DrugClassTable load() {
        return load(FILE);
    }

    static DrugClassTable load(String resource) {
        List<IngredientRule> rows = RuleFile.load(resource, DrugClassTable::parse);
        Set<String> codes = new HashSet<>();
        for (IngredientRule row : rows) {
            if (!codes.add(row.rxcui())) {
                throw new RuleFileException(resource + ": RxCUI " + row.rxcui() + " appears twice");
            }
        }
        return new DrugClassTable(rows);
    }

    List<IngredientRule> rows() {
        return rows;
    }

    List<IngredientRule> match(MedicationConcept concept) {
        return rows.stream().filter(row -> row.matches(concept)).toList();
    }

    private static IngredientRule parse(RuleRow row) {
        String rxcui = row.required("rxcui");
        if (!rxcui.matches("\\d+")) {
            throw row.problem("'rxcui' must be digits, not '" + rxcui + "'");
        }
        DrugClass drugClass = new DrugClass(row.required("class"), row.required("classDisplay"));
        return new IngredientRule(rxcui, row.required("name"), row.list("synonyms"), drugClass,
                new Citation(row.required("citation"), row.confidence()));
    }
}
