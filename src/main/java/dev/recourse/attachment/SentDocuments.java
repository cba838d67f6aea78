package dev.recourse.attachment;

import dev.recourse.attachment.CdexAttachments.Document;
import dev.recourse.attachment.PasDocumentRequests.Needed;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/** Our copy of a payer's request for documents once documents are sent: each listed as an output under its code. */
final class SentDocuments {
	private SentDocuments() {
	}

	/** Completed when every code asked for has a document sent for it (now or before), in-progress otherwise. */
	static Task answered(Task request, List<Document> documents) {
		Task answered = request.copy();
		for (Document document : documents) {
			answered.addOutput().setType(new CodeableConcept(document.code().copy()))
					.setValue(new Reference("DocumentReference/" + document.content().getIdElement().getIdPart()));
		}
		List<Needed> needed = PasDocumentRequests.needed(answered);
		boolean complete = needed.stream().allMatch(asked -> answered.getOutput().stream().anyMatch(output -> output.getType().getCoding()
				.stream().anyMatch(coding -> asked.code().getCode().equals(coding.getCode()))));
		answered.setStatus(complete ? Task.TaskStatus.COMPLETED : Task.TaskStatus.INPROGRESS).setLastModified(new java.util.Date());
		return answered;
	}
}
