package dev.recourse.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EvidenceSourceTableTest {
	private final EvidenceSourceTable table = EvidenceSourceTable.load();

	@ParameterizedTest
	@CsvSource({
		"Observation, laboratory, lab-result, 11502-2",
		"Observation, vital-signs, chart-note, 11506-3",
		"Observation, imaging, imaging, 18748-4",
		"Observation, social-history, chart-note, 11506-3",
		"DiagnosticReport, LAB, lab-result, 11502-2",
		"DiagnosticReport, RAD, imaging, 18748-4",
		"DiagnosticReport, LP29684-5, imaging, 18748-4",
		"DiagnosticReport, PAT, other, 11506-3",
		"Condition, , chart-note, 11450-4",
		"MedicationStatement, , medication-history, 10160-0",
		"MedicationRequest, , medication-history, 10160-0",
		"MedicationDispense, , medication-history, 10160-0",
		"AllergyIntolerance, , allergy-record, 48765-2",
		"Procedure, , chart-note, 47519-4",
		"DocumentReference, clinical-note, chart-note, 11506-3",
		"Patient, , chart-note, 11506-3",
		"Coverage, , other, 11506-3",
	})
	void sourceKind_mapsToEvidenceTypeAndLoincDocumentType(String resource, String category, String evidenceType, String loinc) {
		EvidenceSourceRule rule = table.ruleFor(resource, category == null ? Set.of() : Set.of(category));

		assertThat(rule.evidenceType().code()).isEqualTo(evidenceType);
		assertThat(rule.documentType().getSystem()).isEqualTo("http://loinc.org");
		assertThat(rule.documentType().getCode()).isEqualTo(loinc);
	}

	@Test
	void everyRow_hasACitation_andTheCatchAllIsLast() {
		assertThat(table.rows()).allSatisfy(row -> assertThat(row.citation().text()).isNotBlank());
		assertThat(table.rows().get(table.rows().size() - 1).resource()).isEqualTo("*");
	}

	@Test
	void aTableWithoutCatchAll_isRefused() {
		List<EvidenceSourceRule> rows = table.rows().subList(0, 1);
		assertThatThrownBy(() -> new EvidenceSourceTable(rows)).hasMessageContaining("'*'");
	}

	@Test
	void evidenceTypes_areTheCodeSystemsCodes() throws Exception {
		com.fasterxml.jackson.databind.JsonNode codeSystem = new com.fasterxml.jackson.databind.ObjectMapper()
				.readTree(new java.io.File("profiles/CodeSystem-evidence-type.json"));
		List<String> codes = new java.util.ArrayList<>();
		codeSystem.get("concept").forEach(concept -> codes.add(concept.get("code").asText()));
		assertThat(java.util.Arrays.stream(EvidenceType.values()).map(EvidenceType::code)).containsExactlyElementsOf(codes);
		assertThat(codeSystem.get("url").asText()).isEqualTo(EvidenceType.SYSTEM);
	}
}
