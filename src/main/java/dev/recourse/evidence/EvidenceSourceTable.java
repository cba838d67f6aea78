package dev.recourse.evidence;

import dev.recourse.denial.Citation;
import dev.recourse.denial.RuleFile;
import dev.recourse.denial.RuleRow;
import java.util.Collection;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;

/** Source kind → evidence type, from {@code rules/evidence-sources.yaml}; first matching row wins. */
final class EvidenceSourceTable {
	static final String FILE = "rules/evidence-sources.yaml";

	private final List<EvidenceSourceRule> rows;

	EvidenceSourceTable(List<EvidenceSourceRule> rows) {
		if (rows.isEmpty() || !EvidenceSourceRule.ANY.equals(rows.get(rows.size() - 1).resource())) {
			throw new IllegalArgumentException(FILE + ": the last row must match any resource ('*')");
		}
		this.rows = List.copyOf(rows);
	}

	static EvidenceSourceTable load() {
		return new EvidenceSourceTable(RuleFile.load(FILE, EvidenceSourceTable::parse));
	}

	List<EvidenceSourceRule> rows() {
		return rows;
	}

	/** The rule for a source of this type carrying these category codes (never empty: the last row matches all). */
	EvidenceSourceRule ruleFor(String resourceType, Collection<String> categoryCodes) {
		return rows.stream().filter(row -> row.matches(resourceType, categoryCodes)).findFirst().orElseThrow();
	}

	private static EvidenceSourceRule parse(RuleRow row) {
		return new EvidenceSourceRule(
				row.required("resource"),
				row.optional("category"),
				EvidenceType.fromCode(row.required("evidenceType")),
				new Coding(EvidenceSourceRule.LOINC, row.required("loinc"), row.required("loincDisplay")),
				new Citation(row.required("citation"), row.confidence()));
	}
}
