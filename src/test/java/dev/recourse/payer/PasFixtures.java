package dev.recourse.payer;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;

/** The guide's examples, parsed as a PAS client's Bundle arrives, and readers of what PAS answers; no server. */
final class PasFixtures {
	static final FhirContext FHIR = FhirContext.forR4Cached();
	static final String PAS_FIXTURES = "/fixtures/davinci-pas-2.2.1/";
	static final String REFERRAL = "Bundle-ReferralAuthorizationBundleExample.json";
	static final String INQUIRY = "Bundle-PASClaimInquiryBundleExample.json";
	/** The guide's prior-authorization request examples. */
	static final List<String> EXAMPLE_REQUESTS = List.of(REFERRAL, "Bundle-HomecareAuthorizationBundleExample.json",
			"Bundle-MedicalServicesAuthorizationBundleExample.json", "Bundle-SurgicalRequestBundleExample.json");

	private PasFixtures() {
	}

	static Bundle bundle(String file) {
		try (InputStream in = PasFixtures.class.getResourceAsStream(PAS_FIXTURES + file)) {
			return FHIR.newJsonParser().parseResource(Bundle.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** For {@code @MethodSource}: {@link #EXAMPLE_REQUESTS}. */
	static List<String> exampleRequests() {
		return EXAMPLE_REQUESTS;
	}

	static Bundle referral() {
		return bundle(REFERRAL);
	}

	static ClaimResponse claimResponse(Bundle answer) {
		return (ClaimResponse) answer.getEntryFirstRep().getResource();
	}

	/** The X12 306 code of each item's review action. */
	static List<String> reviewActions(ClaimResponse response) {
		return response.getItem().stream().flatMap(item -> item.getAdjudication().stream())
				.map(adjudication -> adjudication.getExtensionByUrl(Pas.REVIEW_ACTION))
				.map(review -> review == null ? "none" : ((CodeableConcept) review
						.getExtensionByUrl(Pas.REVIEW_ACTION_CODE).getValue()).getCodingFirstRep().getCode())
				.toList();
	}

	static List<String> reviewNumbers(ClaimResponse response) {
		return response.getItem().stream().flatMap(item -> item.getAdjudication().stream())
				.map(adjudication -> adjudication.getExtensionByUrl(Pas.REVIEW_ACTION))
				.map(review -> review.getExtensionByUrl(Pas.REVIEW_NUMBER))
				.map(number -> number == null ? "none" : ((Extension) number).getValue().primitiveValue())
				.toList();
	}
}
