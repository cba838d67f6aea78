package dev.recourse.attachment;

import ca.uhn.fhir.repository.IRepository;
import dev.recourse.attachment.CdexAttachments.Document;
import dev.recourse.attachment.PasDocumentRequests.Needed;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Reference;

/**
 * What {@code $send-documents} is asked to send: the request answered (null: the case's open one), the documents, and
 * the LOINC code each answers — given one per document, in order, or read from the document's type.
 */
record SendDocuments(Reference request, List<Reference> documents, List<Coding> codes) {

	SendDocuments {
		documents = documents == null ? List.of() : documents;
		codes = codes == null ? List.of() : codes;
		if (documents.isEmpty()) {
			throw new RecourseException(RecourseError.INVALID_INPUT, "document", "Name at least one DocumentReference to send");
		}
		if (!codes.isEmpty() && codes.size() != documents.size()) {
			throw new RecourseException(RecourseError.INVALID_INPUT, "code", "Give one code per document, in the same order ("
					+ documents.size() + " documents, " + codes.size() + " codes), or none to take each from the document's type");
		}
		if (codes.stream().anyMatch(code -> !PasDocumentRequests.LOINC.equals(code.getSystem()) || !code.hasCode())) {
			throw new RecourseException(RecourseError.INVALID_INPUT, "code", "A code is a LOINC attachment code (system " + PasDocumentRequests.LOINC + ")");
		}
	}

	/** Each document read (as the caller) with the code it answers; 422 for one that answers nothing asked or has no inline data. */
	List<Document> documents(IRepository store, List<Needed> needed) {
		List<Document> read = new ArrayList<>();
		for (int i = 0; i < documents.size(); i++) {
			Reference reference = documents.get(i);
			DocumentReference document = AttachmentSender.read(store, DocumentReference.class,
					reference == null ? "" : String.valueOf(reference.getReference()), "document");
			if (document.getContent().isEmpty() || document.getContent().stream().anyMatch(content -> !content.getAttachment().hasData())) {
				throw new RecourseException(RecourseError.UNPROCESSABLE, "document", reference.getReference()
						+ " has no inline attachment data; payers take documents with the attachment inline");
			}
			Coding code = code(i, document, needed);
			if (needed.stream().noneMatch(asked -> asked.code().getCode().equals(code.getCode()))) {
				throw new RecourseException(RecourseError.UNPROCESSABLE, "code", "The payer did not ask for LOINC " + code.getCode()
						+ "; it asked for " + needed.stream().map(asked -> asked.code().getCode()).distinct().toList());
			}
			read.add(new Document(document, code));
		}
		return read;
	}

	private Coding code(int i, DocumentReference document, List<Needed> needed) {
		if (!codes.isEmpty()) {
			return codes.get(i);
		}
		List<Coding> loinc = document.getType().getCoding().stream().filter(coding -> PasDocumentRequests.LOINC.equals(coding.getSystem())).toList();
		Optional<Coding> asked = loinc.stream().filter(coding -> needed.stream().anyMatch(n -> n.code().getCode().equals(coding.getCode()))).findFirst();
		return asked.or(() -> loinc.stream().findFirst()).map(coding -> new Coding(coding.getSystem(), coding.getCode(), coding.getDisplay()))
				.orElseThrow(() -> new RecourseException(RecourseError.INVALID_INPUT, "code", documents.get(i).getReference()
						+ " has no LOINC type; give the code it answers as the parameter code"));
	}
}
