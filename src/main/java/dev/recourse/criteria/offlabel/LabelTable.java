package dev.recourse.criteria.offlabel;

import dev.recourse.denial.Citation;
import dev.recourse.denial.RuleFile;
import dev.recourse.denial.RuleRow;
import java.util.List;
import java.util.Optional;

/** The labelled indications of {@code rules/fda-labels.yaml}, by RxNorm ingredient. */
final class LabelTable {
	static final String FILE = "rules/fda-labels.yaml";
	private final List<LabelledIndication> rows;

	private LabelTable(List<LabelledIndication> rows) {
		this.rows = rows;
	}

	static LabelTable load() {
		return new LabelTable(RuleFile.load(FILE, LabelTable::parse));
	}

	List<LabelledIndication> forDrug(String rxcui) {
		return rows.stream().filter(row -> row.rxcui().equals(rxcui)).toList();
	}

	private static LabelledIndication parse(RuleRow row) {
		String rxcui = row.required("rxcui");
		if (!rxcui.matches("\\d+")) {
			throw row.problem("'rxcui' must be digits, not '" + rxcui + "'");
		}
		List<String> icd10 = row.list("icd10");
		if (icd10.isEmpty()) {
			throw row.problem("'icd10' lists no code prefix");
		}
		Optional<Integer> minAge = Optional.ofNullable(row.optional("minAgeMonths")).map(Integer::valueOf);
		return new LabelledIndication(rxcui, row.required("drug"), row.required("indication"), icd10, minAge, row.required("label"),
				new Citation(row.required("citation"), row.confidence()));
	}
}
