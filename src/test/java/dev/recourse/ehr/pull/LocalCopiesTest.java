package dev.recourse.ehr.pull;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.Set;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class LocalCopiesTest {
	static final String BASE = "https://ehr.example.org/fhir";
	private final LocalCopies copies = new LocalCopies(FhirContext.forR4Cached(), BASE, "p1", new Reference("Patient/ours"),
			Set.of("Condition/c1", "Encounter/e1"));

	@Test
	void copy_hasDerivedIdSourceAndIdentifier() {
		Condition copy = (Condition) copies.copy(condition());

		assertThat(copy.getIdElement().getIdPart()).startsWith("ehr-").hasSize(44);
		assertThat(copy.getIdElement().getIdPart()).isEqualTo(copies.localId("Condition", "c1"));
		assertThat(copy.getMeta().getSource()).isEqualTo(BASE);
		assertThat(copy.getMeta().getVersionId()).isNull();
		assertThat(copy.getIdentifier()).anyMatch(id -> LocalCopies.URI_SYSTEM.equals(id.getSystem())
				&& (BASE + "/Condition/c1").equals(id.getValue()));
	}

	@Test
	void copy_rewritesReferences() {
		Condition copy = (Condition) copies.copy(condition());

		assertThat(copy.getSubject().getReference()).isEqualTo("Patient/ours");
		assertThat(copy.getEncounter().getReference()).isEqualTo("Encounter/" + copies.localId("Encounter", "e1"));
		assertThat(copy.getAsserter().getReference()).isEqualTo(BASE + "/Practitioner/dr1");
		assertThat(copy.getRecorder().getReference()).isEqualTo("https://elsewhere.example/Practitioner/9");
	}

	@Test
	void localId_differsPerCasePatientAndPerEhr() {
		LocalCopies otherPatient = new LocalCopies(FhirContext.forR4Cached(), BASE, "p1", new Reference("Patient/twin"), Set.of());
		LocalCopies otherEhr = new LocalCopies(FhirContext.forR4Cached(), "https://other.example/fhir", "p1", new Reference("Patient/ours"), Set.of());

		assertThat(copies.localId("Condition", "c1")).isEqualTo(copies.localId("Condition", "c1"))
				.isNotEqualTo(otherPatient.localId("Condition", "c1"))
				.isNotEqualTo(otherEhr.localId("Condition", "c1"));
	}

	@Test
	void copy_leavesTheEhrsResourceAsItWas() {
		Condition original = condition();

		copies.copy(original);

		assertThat(original.getSubject().getReference()).isEqualTo("Patient/p1");
		assertThat(original.getIdElement().getIdPart()).isEqualTo("c1");
	}

	private static Condition condition() {
		Condition condition = new Condition();
		condition.setId("Condition/c1/_history/3");
		condition.getMeta().setVersionId("3");
		condition.setSubject(new Reference("Patient/p1"));
		condition.setEncounter(new Reference(BASE + "/Encounter/e1"));
		condition.setAsserter(new Reference("Practitioner/dr1"));
		condition.setRecorder(new Reference("https://elsewhere.example/Practitioner/9"));
		return condition;
	}
}
