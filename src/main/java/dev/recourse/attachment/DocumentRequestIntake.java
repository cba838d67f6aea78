package dev.recourse.attachment;

import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import dev.recourse.common.Digests;
import dev.recourse.server.LocalRepositories;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * A payer's answer read for requests for documents (sync answer, inquiry, decision notification alike): each open one
 * it carries ({@link PasDocumentRequests}) is kept as a Task of ours — the payer's PAS Task as received, part of the
 * case, for the case's patient, its references to the payer's resources kept as display only — linked as the case's
 * {@code document-request} output, and the case moves to {@code more-information-requested}. Reading the same answer
 * again records nothing new: the copy's id is a digest of the case and where the request came from.
 */
@Component
public class DocumentRequestIntake {
	static final String OUTPUT = "document-request";
	static final String STAGE = "more-information-requested";
	private final LocalRepositories repositories;
	private final AttachmentCaseWrites cases;

	DocumentRequestIntake(LocalRepositories repositories, AttachmentCaseWrites cases) {
		this.repositories = repositories;
		this.cases = cases;
	}

	/**
	 * Records the open requests for documents a payer's PAS response Bundle carries on the case.
	 *
	 * @param caseId the case Task the answer belongs to
	 * @param response the payer's PAS response (or inquiry response) Bundle
	 * @return {@code Task/<id>} of each request recorded now; empty when the answer asks for nothing new
	 */
	public List<String> recordFrom(IdType caseId, Bundle response) {
		List<String> recorded = new ArrayList<>();
		for (PasDocumentRequests.Received received : PasDocumentRequests.open(response)) {
			String id = "document-request-" + Digests.sha256Hex(caseId.getIdPart() + "|" + received.source()).substring(0, 24);
			if (exists(id)) {
				continue;
			}
			String reference = "Task/" + id;
			cases.write(caseId, new AttachmentCaseWrites.Change(OUTPUT, "Document request", reference, STAGE),
					caseTask -> List.of(copy(received.task(), id, caseTask)));
			recorded.add(reference);
		}
		return recorded;
	}

	private static Task copy(Task received, String id, Task caseTask) {
		Task copy = received.copy();
		copy.setId(id);
		copy.setMeta(new Meta());
		copy.setFor(caseTask.getFor().copy());
		copy.getPartOf().clear();
		copy.addPartOf(new Reference("Task/" + caseTask.getIdElement().getIdPart()));
		copy.getBasedOn().clear();
		String tracking = received.getIdentifierFirstRep().getValue();
		copy.setReasonReference(new Reference().setDisplay("the payer's prior authorization request" + (tracking == null ? "" : " " + tracking)));
		copy.setFocus(null);
		return copy;
	}

	private boolean exists(String id) {
		try {
			repositories.forServer().read(Task.class, new IdType("Task", id));
			return true;
		} catch (ResourceNotFoundException | ResourceGoneException none) {
			return false;
		}
	}
}
