package dev.recourse.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recourse.denial.RuleFileException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped programme, regime and checklist files load, cover the policy library's drugs, and broken rows stop the load. */
class AssistanceProgramsTest {
	private static final String RXNORM = AssistanceProgram.RXNORM + "|";
	/** The RxNorm ingredients of the drugs in src/main/resources/policies. */
	private static final List<String> POLICY_DRUGS = List.of("1876366", "327361", "214555", "2196092", "1665684", "1659152", "1991302", "1876376");

	private final ChecklistItems items = ChecklistItems.load();
	private final AssistancePrograms programs = AssistancePrograms.load(items);

	@Test
	void everyDrugOfThePolicyLibrary_hasAProgramme() {
		for (String rxcui : POLICY_DRUGS) {
			assertThat(programs.forProducts(Set.of(RXNORM + rxcui))).as(rxcui).isNotEmpty();
		}
	}

	@Test
	void aDrugRequestedByItsHcpcsCode_findsItsProgrammes() {
		assertThat(programs.forProducts(Set.of("http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets|J2350")))
				.extracting(AssistanceProgram::id).contains("ocrevus-copay-drug", "genentech-patient-foundation");
		assertThat(programs.forProducts(Set.of("http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets|J9999"))).isEmpty();
	}

	@Test
	void everyCopayCard_excludesFederalProgrammes_andEveryRowHasItsSourceAndChecklist() {
		for (String rxcui : POLICY_DRUGS) {
			for (AssistanceProgram program : programs.forProducts(Set.of(RXNORM + rxcui))) {
				if (program.kind() == AssistanceProgram.Kind.COPAY_CARD) {
					assertThat(program.federalExcluded()).as(program.id()).isTrue();
				}
				assertThat(program.citation().text()).as(program.id()).contains("http");
				assertThat(program.checklist()).as(program.id()).isNotEmpty();
				assertThat(program.rxcui()).isEqualTo(rxcui);
			}
		}
	}

	@Test
	void checklistItems_areTheCodesOfTheAssistanceDocumentCodeSystem() throws Exception {
		Set<String> codes = new HashSet<>();
		try (InputStream in = getClass().getResourceAsStream("/profiles/CodeSystem-assistance-document.json")) {
			JsonNode system = new ObjectMapper().readTree(in);
			system.get("concept").forEach(concept -> codes.add(concept.get("code").asText()));
		}
		for (String code : codes) {
			assertThat(items.text(code)).as(code).isPresent();
		}
		for (String rxcui : POLICY_DRUGS) {
			programs.forProducts(Set.of(RXNORM + rxcui)).forEach(program -> assertThat(codes).containsAll(program.checklist()));
		}
	}

	@Test
	void aCopayCardNotExcludingFederalProgrammes_stopsTheLoad() {
		assertThatThrownBy(() -> AssistancePrograms.load("rules/broken/assistance-copay-card-for-medicare.yaml", items))
				.isInstanceOf(RuleFileException.class).hasMessageContaining("row 1").hasMessageContaining("copay card");
	}

	@Test
	void aChecklistItemNotDefined_stopsTheLoad() {
		assertThatThrownBy(() -> AssistancePrograms.load("rules/broken/assistance-unknown-item.yaml", items))
				.isInstanceOf(RuleFileException.class).hasMessageContaining("blood-sample");
	}
}
