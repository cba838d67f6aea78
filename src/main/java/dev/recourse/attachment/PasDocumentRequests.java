package dev.recourse.attachment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Type;

/**
 * The open requests for documents a payer's PAS answer Bundle carries: each PAS Task of code attachment-request-code
 * still requested or in progress; when it carries none, the CommunicationRequests its ClaimResponse names, read as
 * one Task without a payer-url (PAS lets a payer ask either way). Reading only: nothing here trusts a URL.
 */
final class PasDocumentRequests {
	static final String TEMP_CODES = "http://hl7.org/fhir/us/davinci-pas/CodeSystem/PASTempCodes";
	static final String ATTACHMENT_REQUEST = "attachment-request-code";
	static final String PAYER_URL = "payer-url";
	static final String ATTACHMENTS_NEEDED = "attachments-needed";
	static final String SERVICE_LINE_NUMBER = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-serviceLineNumber";
	static final String LOINC = "http://loinc.org";

	private PasDocumentRequests() {
	}

	/**
	 * One request as received.
	 *
	 * @param source the fullUrl it came with (what makes it the same request when the answer is read again)
	 */
	record Received(String source, Task task) {
	}

	/** One document asked for: its LOINC code and the request line it concerns (null: the whole request). */
	record Needed(Coding code, Integer line) {
	}

	static List<Received> open(Bundle answer) {
		List<Received> open = new ArrayList<>();
		for (Bundle.BundleEntryComponent entry : answer.getEntry()) {
			if (entry.getResource() instanceof Task task && isRequest(task)
					&& (task.getStatus() == Task.TaskStatus.REQUESTED || task.getStatus() == Task.TaskStatus.INPROGRESS)) {
				open.add(new Received(entry.getFullUrl(), task));
			}
		}
		boolean anyTask = answer.getEntry().stream().anyMatch(entry -> entry.getResource() instanceof Task task && isRequest(task));
		if (!anyTask) {
			fromCommunicationRequests(answer).ifPresent(open::add);
		}
		return open;
	}

	/** The documents a request (PAS Task, or our copy of one) asks for. */
	static List<Needed> needed(Task request) {
		List<Needed> needed = new ArrayList<>();
		for (Task.ParameterComponent input : request.getInput()) {
			if (is(input.getType(), ATTACHMENTS_NEEDED) && input.getValue() instanceof CodeableConcept concept) {
				Extension line = input.getExtensionByUrl(SERVICE_LINE_NUMBER);
				Integer number = line != null && line.getValue() instanceof PositiveIntType value ? value.getValue() : null;
				concept.getCoding().stream().filter(coding -> LOINC.equals(coding.getSystem())).findFirst()
						.ifPresent(code -> needed.add(new Needed(code, number)));
			}
		}
		return needed;
	}

	/** The request's payer-url, where the payer takes {@code $submit-attachment}; empty when it names none. */
	static Optional<String> payerUrl(Task request) {
		return request.getInput().stream().filter(input -> is(input.getType(), PAYER_URL)).map(Task.ParameterComponent::getValue)
				.map(Type::primitiveValue).filter(url -> url != null && !url.isBlank()).findFirst();
	}

	static boolean isRequest(Task task) {
		return is(task.getCode(), ATTACHMENT_REQUEST);
	}

	private static Optional<Received> fromCommunicationRequests(Bundle answer) {
		Optional<ClaimResponse> response = answer.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(ClaimResponse.class::isInstance).map(ClaimResponse.class::cast).findFirst();
		Task task = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
		task.getCode().addCoding(new Coding(TEMP_CODES, ATTACHMENT_REQUEST, null));
		for (Reference reference : response.map(ClaimResponse::getCommunicationRequest).orElse(List.of())) {
			answer.getEntry().stream().filter(entry -> reference.getReference() != null && reference.getReference().equals(entry.getFullUrl()))
					.map(Bundle.BundleEntryComponent::getResource).filter(CommunicationRequest.class::isInstance)
					.map(CommunicationRequest.class::cast).filter(asked -> asked.getStatus() == CommunicationRequest.CommunicationRequestStatus.ACTIVE)
					.forEach(asked -> addNeeded(task, asked));
		}
		if (task.getInput().isEmpty()) {
			return Optional.empty();
		}
		response.map(ClaimResponse::getPreAuthRef).ifPresent(number -> task.addIdentifier(new Identifier().setValue(number)));
		return Optional.of(new Received(response.get().getRequest().getReference() + "#communication-requests", task));
	}

	private static void addNeeded(Task task, CommunicationRequest asked) {
		Type content = asked.getPayloadFirstRep().getContent();
		if (content == null || content.primitiveValue() == null) {
			return;
		}
		Task.ParameterComponent input = task.addInput().setValue(new CodeableConcept(new Coding(LOINC, content.primitiveValue(), null)));
		input.getType().addCoding(new Coding(TEMP_CODES, ATTACHMENTS_NEEDED, null));
		Extension line = asked.getExtensionByUrl(SERVICE_LINE_NUMBER);
		if (line != null) {
			input.addExtension(SERVICE_LINE_NUMBER, line.getValue().copy());
		}
	}

	private static boolean is(CodeableConcept concept, String code) {
		return concept.getCoding().stream().anyMatch(coding -> TEMP_CODES.equals(coding.getSystem()) && code.equals(coding.getCode()));
	}
}
