package dev.recourse.payer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.common.RecourseException;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class ReceivedCopiesTest {
	private static final Submission SUBMISSION = Submission.of("ehr-1", new Identifier().setSystem("urn:x").setValue("1"));

	@Test
	void everyEntry_getsAnIdOfItsOwn_andReferencesBetweenThemPointAtTheCopies() {
		Bundle referral = PasFixtures.referral();

		List<Resource> copies = copies(referral);

		assertThat(copies).hasSize(referral.getEntry().size())
				.allSatisfy(copy -> assertThat(copy.getIdElement().getIdPart()).startsWith(SUBMISSION.id() + "-"));
		Claim claim = (Claim) copies.get(0);
		assertThat(claim.getPatient().getReference())
				.isEqualTo("Patient/" + SUBMISSION.copyId("http://example.org/fhir/Patient/SubscriberExample"));
		assertThat(claim.getMeta().getSource()).isEqualTo("http://example.org/fhir/Claim/ReferralAuthorizationExample");
		assertThat(claim.getMeta().getProfile()).extracting(p -> p.getValue())
				.containsExactly("http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-claim");
		assertThat(referral.getEntryFirstRep().getResource().getIdElement().getIdPart()).isEqualTo("ReferralAuthorizationExample");
	}

	@Test
	void referencesOutsideTheBundle_nameTheSendersServer() {
		Bundle referral = PasFixtures.referral();
		((Claim) referral.getEntryFirstRep().getResource()).addExtension("http://example.org/encounter", new Reference("Encounter/e1"));
		((Claim) referral.getEntryFirstRep().getResource()).setReferral(new Reference("https://ehr.example.org/fhir/ServiceRequest/s9"));

		Claim claim = (Claim) copies(referral).get(0);

		assertThat(((Reference) claim.getExtensionByUrl("http://example.org/encounter").getValue()).getReference())
				.isEqualTo("http://example.org/fhir/Encounter/e1");
		assertThat(claim.getReferral().getReference()).isEqualTo("https://ehr.example.org/fhir/ServiceRequest/s9");
	}

	@Test
	void aReferenceThatNamesNothing_isRefused_namingWhereItIs() {
		Bundle bundle = new Bundle();
		bundle.addEntry().setFullUrl("urn:uuid:claim").setResource(new Claim().setPatient(new Reference("urn:uuid:patient")));
		bundle.addEntry().setFullUrl("urn:uuid:patient").setResource(new Patient());
		bundle.addEntry().setFullUrl("urn:uuid:obs").setResource(new Observation().setSubject(new Reference("Patient/not-here")));

		assertThatThrownBy(() -> copies(bundle)).isInstanceOfSatisfying(RecourseException.class, refusal -> {
			assertThat(refusal.element()).isEqualTo("Bundle.entry[2].resource.subject");
			assertThat(refusal.getMessage()).contains("Patient/not-here", "urn:uuid:obs");
		});
	}

	private static List<Resource> copies(Bundle bundle) {
		return new ReceivedCopies(PasFixtures.FHIR, SUBMISSION, new BundleIndex(bundle)).all();
	}
}
