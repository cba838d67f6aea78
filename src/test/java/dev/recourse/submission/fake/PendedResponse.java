package dev.recourse.submission.fake;

import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;

/** The fake payer's PAS answers: a request pended for review (outcome complete, review action A4 on every item). */
final class PendedResponse {
	static final String PAS = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/";
	static final String REVIEW_ACTION = PAS + "extension-reviewAction";
	static final String REVIEW_ACTION_CODE = PAS + "extension-reviewActionCode";

	private PendedResponse() {
	}

	static Bundle of(Bundle request) {
		return of(request, "A4", "Pended");
	}

	/** The answer of a payer that decides at once, with this X12 306 review action on every item. */
	static Bundle of(Bundle request, String code, String display) {
		Claim claim = request.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Claim.class::isInstance)
				.map(Claim.class::cast).findFirst().orElseThrow();
		ClaimResponse response = new ClaimResponse();
		response.setId(UUID.randomUUID().toString());
		response.getMeta().addProfile(PAS + "profile-claimresponse");
		response.setIdentifier(claim.getIdentifier());
		response.setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE);
		response.setType(claim.getType());
		response.setUse(ClaimResponse.Use.PREAUTHORIZATION);
		response.setPatient(claim.getPatient());
		response.setCreated(new Date());
		response.setInsurer(claim.getInsurer());
		response.setRequestor(claim.getProvider());
		response.setRequest(new Reference("Claim/" + claim.getIdElement().getIdPart()));
		response.setOutcome(ClaimResponse.RemittanceOutcome.COMPLETE);
		for (Claim.ItemComponent item : claim.getItem()) {
			ClaimResponse.AdjudicationComponent adjudication = response.addItem().setItemSequence(item.getSequence()).addAdjudication();
			adjudication.setCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/adjudication", "submitted", null)));
			Extension action = adjudication.addExtension().setUrl(REVIEW_ACTION);
			action.addExtension(REVIEW_ACTION_CODE, new CodeableConcept(new Coding("https://codesystem.x12.org/005010/306", code, display)));
		}
		Bundle answer = new Bundle().setType(Bundle.BundleType.COLLECTION);
		answer.getMeta().addProfile(PAS + "profile-pas-response-bundle");
		// PAS: the response Bundle echoes the request Bundle's identifier (its notifications are matched by it)
		answer.setIdentifier(request.getIdentifier().copy());
		answer.setTimestamp(new Date());
		answer.addEntry().setFullUrl("urn:uuid:" + response.getIdElement().getIdPart()).setResource(response);
		return answer;
	}

	/** The PAS inquiry answer for a filed request: its ClaimResponse as answered then. */
	static Bundle inquiryAnswer(Bundle filedResponse) {
		Bundle answer = filedResponse.copy();
		answer.getMeta().getProfile().clear();
		answer.getMeta().addProfile(PAS + "profile-pas-inquiry-response-bundle");
		answer.getIdentifier().setValue("urn:uuid:" + UUID.randomUUID());
		answer.setTimestamp(new Date());
		return answer;
	}
}
