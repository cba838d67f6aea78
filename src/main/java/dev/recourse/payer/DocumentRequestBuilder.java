package dev.recourse.payer;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.UrlType;

/**
 * A request for documents as PAS 2.2.1 makes it: one PAS Task (profile-task) — the tracking number as identifier,
 * code attachment-request-code, for the member, requested by the payer and owned by the provider (by identifier),
 * reason priorAuthorization and the request Claim, input payer-url (where {@code $submit-attachment} is) and one
 * attachments-needed per code and item — and, because PAS's CommunicationRequest carries one payload, one
 * CommunicationRequest per code and item, which the ClaimResponse names in {@code communicationRequest}. The Task
 * names them in {@code basedOn}.
 */
final class DocumentRequestBuilder {
	private DocumentRequestBuilder() {
	}

	/**
	 * Where the request is made and about what.
	 *
	 * @param claim {@code Claim/<id>} of our copy of the request
	 * @param patient {@code Patient/<id>} of our copy of the member
	 * @param insurer the ClaimResponse's insurer (our copy)
	 * @param payer the payer's identifier (the insurer's)
	 * @param provider the provider's identifier (its NPI)
	 * @param payerUrl this server's FHIR base, where {@code $submit-attachment} is
	 * @param items the request's item sequences the codes concern
	 */
	record Context(Submission submission, int round, String claim, String patient, Reference insurer, Identifier payer,
			Identifier provider, String payerUrl, List<Integer> items) {
	}

	/** The Task first, then its CommunicationRequests. */
	static List<Resource> build(Context context, DocumentRequestAsk ask, Date now) {
		String taskId = context.submission().documentRequestId(context.round());
		Task task = task(context, ask, now);
		task.setId(new IdType("Task", taskId));
		List<Resource> built = new ArrayList<>(List.of(task));
		int i = 0;
		for (Coding code : ask.codes()) {
			for (int item : context.items()) {
				CommunicationRequest asked = communicationRequest(context, code, item, ask, now);
				asked.setId(new IdType("CommunicationRequest", taskId + "-" + (++i)));
				// PAS requires an identifier (the attachment control number, X12 PWK06) unless the medium is voice
				asked.addIdentifier(new Identifier().setSystem(Pas.ATTACHMENT_CONTROL_NUMBER_SYSTEM)
						.setValue(context.submission().trackingNumber() + "-" + context.round() + "-" + i));
				task.addBasedOn(new Reference("CommunicationRequest/" + asked.getIdElement().getIdPart()));
				task.addInput(needed(code, item));
				built.add(asked);
			}
		}
		return built;
	}

	private static Task task(Context context, DocumentRequestAsk ask, Date now) {
		Task task = new Task();
		task.getMeta().addProfile(Pas.TASK);
		task.addIdentifier(new Identifier().setSystem(Pas.TRACKING_NUMBER_SYSTEM).setValue(context.submission().trackingNumber()));
		task.setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER).setAuthoredOn(now).setLastModified(now);
		task.setCode(temp(Pas.ATTACHMENT_REQUEST));
		task.setFor(new Reference(context.patient()));
		task.getRequester().setIdentifier(context.payer().copy());
		task.getOwner().setIdentifier(context.provider().copy());
		task.setReasonCode(temp(Pas.PRIOR_AUTHORIZATION));
		task.setReasonReference(new Reference(context.claim()));
		ask.due().ifPresent(due -> task.getRestriction().setPeriod(new Period().setEndElement(new DateTimeType(due.getValueAsString()))));
		ask.note().ifPresent(note -> task.addNote().setText(note));
		task.addInput().setType(temp(Pas.PAYER_URL)).setValue(new UrlType(context.payerUrl()));
		return task;
	}

	private static Task.ParameterComponent needed(Coding code, int item) {
		Task.ParameterComponent needed = new Task.ParameterComponent().setType(temp(Pas.ATTACHMENTS_NEEDED))
				.setValue(new CodeableConcept(code.copy()));
		needed.addExtension(Pas.SERVICE_LINE_NUMBER, new PositiveIntType(item));
		return needed;
	}

	private static CommunicationRequest communicationRequest(Context context, Coding code, int item, DocumentRequestAsk ask, Date now) {
		CommunicationRequest asked = new CommunicationRequest();
		asked.getMeta().addProfile(Pas.COMMUNICATION_REQUEST);
		asked.addExtension(Pas.SERVICE_LINE_NUMBER, new PositiveIntType(item));
		asked.setStatus(CommunicationRequest.CommunicationRequestStatus.ACTIVE).setAuthoredOn(now);
		asked.setSubject(new Reference(context.patient()));
		asked.setRequester(context.insurer().copy());
		// PAS: the payload is the LOINC attachment code as a string
		asked.addPayload().setContent(new StringType(code.getCode()));
		ask.due().ifPresent(due -> asked.setOccurrence(new Period().setEndElement(new DateTimeType(due.getValueAsString()))));
		ask.note().ifPresent(note -> asked.addNote().setText(note));
		return asked;
	}

	private static CodeableConcept temp(String code) {
		return new CodeableConcept(new Coding(Pas.TEMP_CODES, code, null));
	}
}
