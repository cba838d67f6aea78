package dev.recourse.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** The plan's state: the Coverage's plan-state first, else the patient's home address; nothing else is guessed. */
class PlanStateTest {

	@Test
	void coveragesPlanState_winsOverThePatientsAddress() {
		Coverage coverage = new Coverage();
		coverage.addExtension(PlanState.EXTENSION, new CodeType("tx"));

		assertThat(PlanState.of(Optional.of(coverage), patientIn("NY", Address.AddressUse.HOME)))
				.contains(new PlanState("TX", "the plan's state on its Coverage"));
	}

	@Test
	void withoutPlanState_theHomeAddress_notAnOldOne() {
		Patient patient = patientIn("NJ", Address.AddressUse.OLD);
		patient.addAddress().setUse(Address.AddressUse.HOME).setState("NY");

		assertThat(PlanState.of(Optional.of(new Coverage()), patient)).contains(new PlanState("NY", "the patient's address"));
	}

	@Test
	void aStateThatIsNotAUspsCode_orNoAddress_isUnknown() {
		assertThat(PlanState.of(Optional.empty(), patientIn("New York", Address.AddressUse.HOME))).isEmpty();
		assertThat(PlanState.of(Optional.empty(), new Patient())).isEmpty();
	}

	private static Patient patientIn(String state, Address.AddressUse use) {
		Patient patient = new Patient();
		patient.addAddress().setUse(use).setState(state);
		return patient;
	}
}
