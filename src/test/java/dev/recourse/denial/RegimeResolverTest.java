package dev.recourse.denial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.junit.jupiter.api.Test;

class RegimeResolverTest {
	private final RegimeResolver resolver = RegimeResolver.load();

	@Test
	void extensionAsCodeableConcept_asTheProfileTypesIt_isRead() {
		Coverage coverage = new Coverage();
		coverage.addExtension(CodeSystems.RECOURSE_PLAN_REGIME,
				new CodeableConcept(new Coding(PlanRegime.SYSTEM, "erisa-insured", "ERISA insured")));

		assertThat(resolver.resolve(coverage).regime().code()).isEqualTo("erisa-insured");
	}

	@Test
	void extensionWithAnotherSystemOnly_isInvalidInputNamingTheExtension() {
		Coverage coverage = new Coverage();
		coverage.addExtension(CodeSystems.RECOURSE_PLAN_REGIME,
				new CodeableConcept(new Coding("http://example.org/plans", "gold", null)));

		assertThatThrownBy(() -> resolver.resolve(coverage))
				.isInstanceOf(TriageException.class)
				.hasMessageContaining("plan-regime");
	}
}
