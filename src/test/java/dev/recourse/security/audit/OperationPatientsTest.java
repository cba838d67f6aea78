package dev.recourse.security.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.Arrays;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

class OperationPatientsTest {
	private static final FhirContext FHIR = FhirContext.forR4Cached();

	@Test
	void parametersAndTheirParts_giveTheirResourcesPatients() {
		Parameters in = new Parameters();
		in.addParameter().setName("denial").setResource(new ClaimResponse().setPatient(new Reference("Patient/1")));
		in.addParameter().setName("letterText").setValue(new StringType("no PHI is read from values"));
		in.addParameter().setName("pathway").addPart().setName("x").setResource(new Coverage().setBeneficiary(new Reference("Patient/2")));

		assertThat(OperationPatients.owners(FHIR, Arrays.asList(in, null))).containsExactly("Patient/1", "Patient/2");
	}

	@Test
	void bundleEntriesAndPatientsThemselves_count() {
		Bundle everything = new Bundle();
		everything.addEntry().setResource(new Patient().setId("3"));
		everything.addEntry().setResource(new Observation().setSubject(new Reference("Patient/3")));

		assertThat(OperationPatients.owners(FHIR, Arrays.asList(everything))).containsExactly("Patient/3");
	}

	@Test
	void containedAndPlaceholderReferences_areNoPatients() {
		Observation contained = new Observation().setSubject(new Reference("#p"));
		Observation placeholder = new Observation().setSubject(new Reference("urn:uuid:0b9b3b7e-8d3f-4e3a-9f3c-2a7a1f1f1f1f"));

		assertThat(OperationPatients.owners(FHIR, Arrays.asList(contained, placeholder))).isEmpty();
	}

	@Test
	void resourcesOutsideThePatientCompartment_haveNone() {
		assertThat(OperationPatients.owners(FHIR, Arrays.asList(new org.hl7.fhir.r4.model.Organization().setName("Acme")))).isEmpty();
	}

	@Test
	void entriesOfAnotherServer_nameItsPatientsByAbsoluteUrl_neverOursOfTheSameId() {
		Bundle echoed = new Bundle();
		echoed.addEntry().setFullUrl("http://example.org/fhir/Patient/SubscriberExample").setResource(new Patient().setId("SubscriberExample"));
		echoed.addEntry().setFullUrl("http://example.org/fhir/Coverage/c1")
				.setResource(new Coverage().setBeneficiary(new Reference("Patient/Dependent")));

		assertThat(OperationPatients.owners(FHIR, Arrays.asList(echoed), "https://recourse.test/fhir"))
				.containsExactly("http://example.org/fhir/Patient/Dependent", "http://example.org/fhir/Patient/SubscriberExample");
	}

	@Test
	void entriesOfThisServer_nameLocalPatients_andUrnEntriesNone() {
		Bundle mixed = new Bundle();
		mixed.addEntry().setFullUrl("https://recourse.test/fhir/Patient/7").setResource(new Patient().setId("7"));
		mixed.addEntry().setFullUrl("urn:uuid:0b9b3b7e-8d3f-4e3a-9f3c-2a7a1f1f1f1f")
				.setResource(new Observation().setSubject(new Reference("Patient/8")));

		assertThat(OperationPatients.owners(FHIR, Arrays.asList(mixed, null), "https://recourse.test/fhir")).containsExactly("Patient/7");
	}

	@Test
	void aReferenceToAnotherServersPatient_staysAbsolute() {
		Observation elsewhere = new Observation().setSubject(new Reference("http://example.org/fhir/Patient/9/_history/2"));

		assertThat(OperationPatients.owners(FHIR, Arrays.asList(elsewhere))).containsExactly("http://example.org/fhir/Patient/9");
	}
}
