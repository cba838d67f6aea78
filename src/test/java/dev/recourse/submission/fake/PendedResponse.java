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
	static final String TEMP_CODES = "http://hl7.org/fhir/us/davinci-pas/CodeSystem/PASTempCodes";

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

	/**
	 * Makes the answer ask for documents as PAS does: a PAS Task (tracking number, payer-url, one attachments-needed per
	 * code, line 1) and one CommunicationRequest per code, which the ClaimResponse names.
	 */
	static void askForDocuments(Bundle answer, String payerUrl, java.util.List<String> codes) {
		ClaimResponse response = (ClaimResponse) answer.getEntryFirstRep().getResource();
		String tracking = "FAKE-PA-" + UUID.randomUUID().toString().substring(0, 8);
		response.setPreAuthRef(tracking);
		org.hl7.fhir.r4.model.Task task = new org.hl7.fhir.r4.model.Task();
		task.getMeta().addProfile(PAS + "profile-task");
		task.addIdentifier().setSystem("http://payer.example/tracking").setValue(tracking);
		task.setStatus(org.hl7.fhir.r4.model.Task.TaskStatus.REQUESTED).setIntent(org.hl7.fhir.r4.model.Task.TaskIntent.ORDER);
		task.setCode(new CodeableConcept(new Coding(TEMP_CODES, "attachment-request-code", null)));
		task.setFor(response.getPatient().copy());
		task.getRequester().getIdentifier().setSystem("http://hl7.org/fhir/sid/us-npi").setValue("1234567893");
		task.getOwner().getIdentifier().setSystem("http://hl7.org/fhir/sid/us-npi").setValue("8189991234");
		task.setReasonCode(new CodeableConcept(new Coding(TEMP_CODES, "priorAuthorization", null)));
		task.addInput().setType(new CodeableConcept(new Coding(TEMP_CODES, "payer-url", null))).setValue(new org.hl7.fhir.r4.model.UrlType(payerUrl));
		for (String code : codes) {
			org.hl7.fhir.r4.model.Task.ParameterComponent needed = task.addInput()
					.setType(new CodeableConcept(new Coding(TEMP_CODES, "attachments-needed", null)))
					.setValue(new CodeableConcept(new Coding("http://loinc.org", code, null)));
			needed.addExtension(PAS + "extension-serviceLineNumber", new org.hl7.fhir.r4.model.PositiveIntType(1));
			org.hl7.fhir.r4.model.CommunicationRequest asked = new org.hl7.fhir.r4.model.CommunicationRequest()
					.setStatus(org.hl7.fhir.r4.model.CommunicationRequest.CommunicationRequestStatus.ACTIVE);
			asked.addPayload().setContent(new org.hl7.fhir.r4.model.StringType(code));
			String fullUrl = "urn:uuid:" + UUID.randomUUID();
			response.addCommunicationRequest(new Reference(fullUrl));
			answer.addEntry().setFullUrl(fullUrl).setResource(asked);
		}
		answer.addEntry().setFullUrl(payerUrl + "/Task/" + tracking).setResource(task);
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
