package dev.recourse.attachment;

import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import dev.recourse.attachment.CdexAttachments.Document;
import dev.recourse.casework.CaseOutputs;
import dev.recourse.casework.Cases;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.ehr.EhrConnection;
import dev.recourse.server.LocalRepositories;
import dev.recourse.submission.PayerEndpoints;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Service;

/**
 * {@code Task/[id]/$send-documents}: the open case (404, 409 closed) → the request for documents answered (the one
 * named, else the case's open one; 422 when there is none) → the documents and the code each answers (400/404/422
 * naming document or code) → the payer: the request's payer-url only when it is a configured payer Endpoint's address
 * (422 otherwise: a URL from the payer's message is never called as such) → CDex {@code $submit-attachment} there
 * (502 when the payer cannot be reached: nothing recorded) → in one transaction: the Communication recording what was
 * sent, the request answered (completed, or in-progress while codes remain), the case under-review linking the
 * Communication.
 */
@Service
class AttachmentSender {
	static final String OUTPUT = "document-submission";
	private final LocalRepositories repositories;
	private final PayerEndpoints payers;
	private final AttachmentClient client;
	private final AttachmentCaseWrites cases;

	AttachmentSender(LocalRepositories repositories, PayerEndpoints payers, AttachmentClient client, AttachmentCaseWrites cases) {
		this.repositories = repositories;
		this.payers = payers;
		this.client = client;
		this.cases = cases;
	}

	Communication send(IdType caseId, SendDocuments asked, RequestDetails request) {
		IRepository store = repositories.forRequest(request);
		Task caseTask = Cases.readOpen(store, caseId);
		Task answered = answered(store, caseTask, asked.request());
		List<Document> documents = asked.documents(store, PasDocumentRequests.needed(answered));
		String payerUrl = PasDocumentRequests.payerUrl(answered).orElseThrow(() -> new RecourseException(RecourseError.UNPROCESSABLE,
				"request", "The payer's request names no payer-url to send the documents to"));
		EhrConnection payer = payers.configuredAt(payerUrl).orElseThrow(() -> new RecourseException(RecourseError.UNPROCESSABLE,
				"request", "The request's payer-url is not the address of a configured payer Endpoint (recourse.submission.payers); "
						+ "documents go only to a payer this server is configured for"));
		client.submit(payer, CdexAttachments.of(answered, member(store, caseTask), documents));
		Communication sent = communication(caseTask, answered, documents);
		cases.write(caseId, new AttachmentCaseWrites.Change(OUTPUT, "Documents sent", "Communication/" + sent.getIdElement().getIdPart(),
				"under-review"), current -> List.of(sent, SentDocuments.answered(answered, documents)));
		return repositories.forServer().read(Communication.class, new IdType("Communication", sent.getIdElement().getIdPart()));
	}

	private static Task answered(IRepository store, Task caseTask, Reference named) {
		String reference = named != null && named.hasReference() ? named.getReference()
				: CaseOutputs.first(caseTask, DocumentRequestIntake.OUTPUT).orElseThrow(() -> new RecourseException(
						RecourseError.UNPROCESSABLE, "request", "The case has no request for documents from the payer"));
		Task answered = read(store, Task.class, reference, "request");
		boolean ofThisCase = answered.getPartOf().stream().anyMatch(part -> ("Task/" + caseTask.getIdElement().getIdPart()).equals(part.getReference()));
		if (!PasDocumentRequests.isRequest(answered) || !ofThisCase) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, "request", reference + " is not a payer's request for documents on this case");
		}
		if (answered.getStatus() != Task.TaskStatus.REQUESTED && answered.getStatus() != Task.TaskStatus.INPROGRESS) {
			throw new RecourseException(RecourseError.CONFLICT, "request", "The request " + reference + " is " + answered.getStatus().toCode()
					+ " already");
		}
		return answered;
	}

	/** The member's identifier as the payer knows it: the patient's member id (v2-0203 MB) when typed, else its first. */
	private static Identifier member(IRepository store, Task caseTask) {
		Patient patient = read(store, Patient.class, caseTask.getFor().getReference(), "Task.for");
		return patient.getIdentifier().stream().filter(id -> id.getType().getCoding().stream().anyMatch(coding -> "MB".equals(coding.getCode())))
				.findFirst().or(() -> patient.getIdentifier().stream().filter(Identifier::hasValue).findFirst())
				.orElseThrow(() -> new RecourseException(RecourseError.UNPROCESSABLE, "Task.for", "The case's patient has no identifier to name "
						+ "the member by (CDex MemberId)"));
	}

	private static Communication communication(Task caseTask, Task answered, List<Document> documents) {
		Communication sent = new Communication();
		sent.setId("documents-sent-" + UUID.randomUUID());
		sent.setStatus(Communication.CommunicationStatus.COMPLETED).setSent(new java.util.Date());
		sent.addPartOf(new Reference("Task/" + caseTask.getIdElement().getIdPart()));
		// R4 types inResponseTo as Communication only: the request answered goes in basedOn
		sent.addBasedOn(new Reference("Task/" + answered.getIdElement().getIdPart()));
		sent.setSubject(caseTask.getFor().copy());
		sent.addIdentifier(answered.getIdentifierFirstRep().copy());
		sent.getTopic().setText("Documents sent to the payer (CDex $submit-attachment)");
		documents.forEach(document -> sent.addPayload().setContent(new Reference("DocumentReference/" + document.content().getIdElement().getIdPart())));
		return sent;
	}

	static <T extends org.hl7.fhir.r4.model.Resource> T read(IRepository store, Class<T> type, String reference, String element) {
		IdType id = new IdType(reference);
		if (!type.getSimpleName().equals(id.getResourceType()) || !id.hasIdPart()) {
			throw new RecourseException(RecourseError.INVALID_INPUT, element, reference + " is not a reference to a " + type.getSimpleName());
		}
		try {
			return store.read(type, id.toUnqualifiedVersionless());
		} catch (ResourceNotFoundException | ResourceGoneException none) {
			throw new RecourseException(RecourseError.NOT_FOUND, element, "There is no " + reference + " on this server");
		}
	}
}
