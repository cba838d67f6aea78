package dev.recourse.submission;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.InputStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.junit.jupiter.api.Test;

/** The PAS inquiry for a packet: its Claim as sent (inquiry profile) and the member, provider, insurer and coverage. */
class InquiryBundleTest {

	@Test
	void inquiry_carriesTheClaimsIdentifiers_andTheParties_withAStableIdentifier() throws Exception {
		Bundle packet = referralRequest();
		packet.getIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:6c1f0a52-0000-3000-8000-000000000001");

		Bundle inquiry = InquiryBundle.of(packet);

		Claim claim = (Claim) inquiry.getEntryFirstRep().getResource();
		assertThat(claim.getMeta().hasProfile(InquiryBundle.CLAIM_PROFILE)).isTrue();
		assertThat(claim.getIdentifierFirstRep().getValue()).isEqualTo("111099");
		assertThat(inquiry.getEntry()).extracting(entry -> entry.getResource().fhirType() + "/" + entry.getResource().getIdElement().getIdPart())
				.contains("Patient/SubscriberExample", "Organization/UMOExample", "Organization/InsurerExample", "Coverage/InsuranceExample");
		assertThat(inquiry.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
		assertThat(InquiryBundle.of(packet).getIdentifier().getValue()).isEqualTo(inquiry.getIdentifier().getValue())
				.isNotEqualTo(packet.getIdentifier().getValue());
		assertThat(((Claim) packet.getEntryFirstRep().getResource()).getMeta().hasProfile(InquiryBundle.CLAIM_PROFILE)).isFalse();
	}

	private static Bundle referralRequest() throws Exception {
		try (InputStream in = InquiryBundleTest.class.getResourceAsStream("/fixtures/davinci-pas-2.2.1/Bundle-ReferralAuthorizationBundleExample.json")) {
			return FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, in);
		}
	}
}
