package dev.recourse.payer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Claim/$inquire} over HTTP: the guide's inquiry (asked by another system) finds the referral example's
 * pended submission by member, provider and the request's trace number, or by the payer's tracking number, and
 * answers with its current ClaimResponse in a PAS inquiry response that validates; another member, another
 * provider or an identifier never submitted finds nothing — an answer without {@code return}, not an error.
 */
class ClaimInquireIT extends PasCalls {
	private String tracking;

	@BeforeEach
	void referralSubmitted() throws Exception {
		tracking = PasFixtures.claimResponse(answer(submit(pasClient(), pasExample(REFERRAL)))).getPreAuthRef();
	}

	@Test
	void guidesInquiry_findsThePendedSubmission_inAResponseThatValidates() throws Exception {
		Bundle inquiry = pasExample(INQUIRY);

		Parameters answer = parameters(inquire(pasClient(), inquiry));

		Bundle ours = returned(answer).stream().filter(bundle -> tracking.equals(PasFixtures.claimResponse(bundle).getPreAuthRef()))
				.findFirst().orElseThrow();
		assertThat(errors(ours, Pas.INQUIRY_RESPONSE_BUNDLE)).isEmpty();
		ClaimResponse response = PasFixtures.claimResponse(ours);
		assertThat(response.getMeta().hasProfile(Pas.CLAIM_INQUIRY_RESPONSE)).isTrue();
		assertThat(response.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
		assertThat(PasFixtures.reviewActions(response)).containsExactly("A4");
		assertThat(response.getRequest().getReference()).isEqualTo("http://example.org/fhir/Claim/ReferralAuthorizationExample");
		assertThat(response.getPatient().getReference()).isEqualTo("http://example.org/fhir/Patient/SubscriberExample");
		assertThat(ours.getIdentifier().getValue()).isEqualTo(inquiry.getIdentifier().getValue());
		assertThat(answer.getParameter()).allMatch(parameter -> parameter.getName().equals("return"));
	}

	@Test
	void trackingNumber_findsExactlyThatSubmission() throws Exception {
		Bundle inquiry = pasExample(INQUIRY);
		claim(inquiry).getIdentifierFirstRep().setSystem("http://example.org/PAYER_REFERENCE").setValue(tracking);

		List<Bundle> found = returned(parameters(inquire(pasClient(), wrapped(inquiry))));

		assertThat(found).singleElement().satisfies(bundle -> assertThat(PasFixtures.claimResponse(bundle).getPreAuthRef()).isEqualTo(tracking));
	}

	@Test
	void identifierNeverSubmitted_findsNothing() throws Exception {
		Bundle inquiry = pasExample(INQUIRY);
		claim(inquiry).getIdentifierFirstRep().setValue("never-" + System.nanoTime());

		Parameters answer = parameters(inquire(pasClient(), inquiry));

		assertThat(answer.getParameter()).isEmpty();
	}

	@Test
	void anotherMember_findsNothing() throws Exception {
		Bundle inquiry = pasExample(INQUIRY);
		claim(inquiry).getIdentifierFirstRep().setValue(tracking);
		resource(inquiry, Patient.class).getIdentifierFirstRep().setValue("99999999999");
		resource(inquiry, Coverage.class).setSubscriberId("9988776655");

		assertThat(parameters(inquire(pasClient(), inquiry)).getParameter()).isEmpty();
	}

	@Test
	void anotherProvider_findsNothing() throws Exception {
		Bundle inquiry = pasExample(INQUIRY);
		claim(inquiry).getIdentifierFirstRep().setValue(tracking);
		inquiry.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Organization.class::isInstance)
				.map(Organization.class::cast).filter(organization -> organization.getIdElement().getIdPart().equals("UMOExample"))
				.forEach(organization -> organization.getIdentifierFirstRep().setValue("1999999992"));

		assertThat(parameters(inquire(pasClient(), inquiry)).getParameter()).isEmpty();
	}

	@Test
	void inquiryWithoutPatient_is422() throws Exception {
		Bundle inquiry = pasExample(INQUIRY);
		claim(inquiry).setPatient(null);

		HttpResponse<String> response = inquire(pasClient(), inquiry);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(response.body()).contains("patient");
	}

	@Test
	void callers_areSystemsWithClaimResponseSearch() throws Exception {
		HttpResponse<String> response = inquire(tokens.system("system/Claim.c"), pasExample(INQUIRY));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("ClaimResponse");
	}

	private static List<Bundle> returned(Parameters answer) {
		return answer.getParameter().stream().map(parameter -> (Bundle) parameter.getResource()).toList();
	}

	private static Claim claim(Bundle inquiry) {
		return (Claim) inquiry.getEntryFirstRep().getResource();
	}

	private static <T> T resource(Bundle bundle, Class<T> type) {
		return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast)
				.findFirst().orElseThrow();
	}
}
