package dev.recourse.payer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class WireBundlesTest {
	private static final String BASE = "https://payer.test/fhir";
	private static final Submission SUBMISSION = Submission.of("ehr-1", new Identifier().setSystem("urn:x").setValue("1"));

	@Test
	void theAnswer_namesTheRequestersResourcesAsSent_andEchoesThem_withoutTheClaim() {
		Bundle received = PasFixtures.referral();

		Bundle answer = answer(stored(received), received);

		ClaimResponse wire = (ClaimResponse) answer.getEntryFirstRep().getResource();
		assertThat(answer.getEntryFirstRep().getFullUrl()).isEqualTo(BASE + "/ClaimResponse/" + SUBMISSION.id());
		assertThat(wire.getPatient().getReference()).isEqualTo("http://example.org/fhir/Patient/SubscriberExample");
		assertThat(wire.getInsurer().getReference()).isEqualTo("http://example.org/fhir/Organization/InsurerExample");
		assertThat(wire.getRequestor().getReference()).isEqualTo("http://example.org/fhir/Organization/UMOExample");
		assertThat(wire.getRequest().getReference()).isEqualTo("http://example.org/fhir/Claim/ReferralAuthorizationExample");
		assertThat(answer.getEntry()).extracting(Bundle.BundleEntryComponent::getFullUrl).containsExactly(
				BASE + "/ClaimResponse/" + SUBMISSION.id(),
				"http://example.org/fhir/Organization/UMOExample",
				"http://example.org/fhir/Organization/InsurerExample",
				"http://example.org/fhir/Coverage/InsuranceExample",
				"http://example.org/fhir/Patient/SubscriberExample");
		assertThat(wire.getInsuranceFirstRep().getCoverage().getReference()).isEqualTo("http://example.org/fhir/Coverage/InsuranceExample");
		assertThat(answer.getEntry().get(4).getResource().getIdElement().getIdPart()).isEqualTo("SubscriberExample");
		assertThat(answer.getMeta().hasProfile(Pas.RESPONSE_BUNDLE)).isTrue();
		assertThat(wire.getMeta().hasProfile(Pas.CLAIM_RESPONSE)).isTrue();
	}

	@Test
	void aClaimKnownOnlyByUrn_isNamedByIdentifier() {
		Bundle received = PasFixtures.referral();
		received.getEntryFirstRep().setFullUrl("urn:uuid:6f1d2c1e-5b7a-4c55-9a3e-0c2f8e4b9a17");

		ClaimResponse wire = (ClaimResponse) answer(stored(received), received).getEntryFirstRep().getResource();

		assertThat(wire.getRequest().hasReference()).isFalse();
		assertThat(wire.getRequest().getIdentifier().getValue()).isEqualTo("111099");
	}

	@Test
	void aLegacyQueuedResponse_goesOutComplete_andOurOtherReferencesAbsolute() {
		Bundle received = PasFixtures.referral();
		ClaimResponse stored = stored(received);
		stored.setOutcome(ClaimResponse.RemittanceOutcome.QUEUED);
		stored.addCommunicationRequest(new Reference("CommunicationRequest/ask-1"));

		ClaimResponse wire = (ClaimResponse) answer(stored, received).getEntryFirstRep().getResource();

		assertThat(wire.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
		assertThat(wire.getCommunicationRequestFirstRep().getReference()).isEqualTo(BASE + "/CommunicationRequest/ask-1");
	}

	private static ClaimResponse stored(Bundle received) {
		List<Resource> copies = new ReceivedCopies(PasFixtures.FHIR, SUBMISSION, new BundleIndex(received)).all();
		Claim claim = (Claim) copies.get(0);
		return PendedResponse.of(claim, "Claim/" + claim.getIdElement().getIdPart(), SUBMISSION, new Date());
	}

	private static Bundle answer(ClaimResponse stored, Bundle received) {
		return new WireBundles(PasFixtures.FHIR, BASE, WireBundles.Kind.SUBMIT_RESPONSE).answer(stored, received,
				received.getIdentifier(), new Date());
	}
}
