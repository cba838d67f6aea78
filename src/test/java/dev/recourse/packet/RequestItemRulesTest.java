package dev.recourse.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.denial.RuleFileException;
import dev.recourse.denial.SourceConfidence;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;

/** The shipped defaults of {@code rules/request-items.yaml}, and broken rows failing naming file and row. */
class RequestItemRulesTest {
	static final String HCPCS = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
	static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
	private final RequestItemRules rules = RequestItemRules.load();

	@Test
	void hcpcsJCode_isMedicalCare_healthServicesReview_unconfirmed() {
		RequestItemRule rule = rules.ruleFor(product(HCPCS, "J2350")).orElseThrow();

		assertThat(rule.usable()).isTrue();
		assertThat(rule.category()).hasValueSatisfying(category -> {
			assertThat(category.getSystem()).isEqualTo("https://codesystem.x12.org/005010/1365");
			assertThat(category.getCode()).isEqualTo("1");
		});
		assertThat(rule.requestType()).hasValueSatisfying(type -> {
			assertThat(type.getSystem()).isEqualTo("https://codesystem.x12.org/005010/1525");
			assertThat(type.getCode()).isEqualTo("HS");
		});
		assertThat(rule.citation().confidence()).isEqualTo(SourceConfidence.U);
	}

	@Test
	void otherHcpcsCodes_haveNoDefault_theServiceTypeDependsOnTheService() {
		assertThat(rules.ruleFor(product(HCPCS, "G0154"))).isEmpty();
		assertThat(rules.ruleFor(product(HCPCS, "J23500"))).isEmpty();
		assertThat(rules.ruleFor(product("http://www.ama-assn.org/go/cpt", "99212"))).isEmpty();
	}

	@Test
	void rxNorm_isRefused_withTheReason() {
		RequestItemRule rule = rules.ruleFor(product(RXNORM, "1876311")).orElseThrow();

		assertThat(rule.usable()).isFalse();
		assertThat(rule.refused()).hasValueSatisfying(reason -> assertThat(reason).contains("not RxNorm"));
		assertThat(rule.category()).isEmpty();
	}

	@Test
	void aUsableCoding_winsOverARefusedOne_whateverTheOrder() {
		CodeableConcept both = product(RXNORM, "1876311");
		both.addCoding(new Coding(HCPCS, "J2350", null));

		assertThat(rules.ruleFor(both)).hasValueSatisfying(rule -> assertThat(rule.system()).isEqualTo(HCPCS));
	}

	@Test
	void everyRow_hasACitation() {
		assertThat(rules.rows()).isNotEmpty().allSatisfy(row -> assertThat(row.citation().text()).isNotBlank());
	}

	@Test
	void aRefusingRowWithACategory_failsNamingFileAndRow() {
		assertThatThrownBy(() -> RequestItemRules.load("rules/broken/request-items-refused-with-category.yaml"))
				.isInstanceOf(RuleFileException.class)
				.hasMessageContaining("rules/broken/request-items-refused-with-category.yaml row 2")
				.hasMessageContaining("'refused'");
	}

	@Test
	void aBadCodePattern_failsNamingFileAndRow() {
		assertThatThrownBy(() -> RequestItemRules.load("rules/broken/request-items-bad-pattern.yaml"))
				.isInstanceOf(RuleFileException.class)
				.hasMessageContaining("rules/broken/request-items-bad-pattern.yaml row 1")
				.hasMessageContaining("codePattern");
	}

	static CodeableConcept product(String system, String code) {
		return new CodeableConcept(new Coding(system, code, null));
	}
}
