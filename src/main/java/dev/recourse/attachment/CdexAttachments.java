package dev.recourse.attachment;

import dev.recourse.attachment.PasDocumentRequests.Needed;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

/**
 * The CDex 2.1 {@code $submit-attachment} Parameters answering a payer's request for documents: TrackingId the
 * request's identifier (the payer's tracking number), AttachTo preauthorization, PayerId the requester's identifier,
 * ProviderId the owner's (the NPI the request was addressed to), MemberId the patient's, one Attachment per document
 * (LineItem for each request line that asked for its code, Code, Content the DocumentReference), and Final false
 * while codes the request asks for remain unanswered.
 */
final class CdexAttachments {
	private CdexAttachments() {
	}

	/** One document sent and the LOINC code it answers. */
	record Document(DocumentReference content, Coding code) {
	}

	static Parameters of(Task request, Identifier member, List<Document> documents) {
		Parameters parameters = new Parameters();
		parameters.addParameter().setName("TrackingId").setValue(request.getIdentifierFirstRep().copy());
		parameters.addParameter().setName("AttachTo").setValue(new CodeType("preauthorization"));
		if (request.getRequester().getIdentifier().hasValue()) {
			parameters.addParameter().setName("PayerId").setValue(request.getRequester().getIdentifier().copy());
		}
		if (request.getOwner().getIdentifier().hasValue()) {
			parameters.addParameter().setName("ProviderId").setValue(request.getOwner().getIdentifier().copy());
		}
		parameters.addParameter().setName("MemberId").setValue(member.copy());
		List<Needed> needed = PasDocumentRequests.needed(request);
		for (Document document : documents) {
			Parameters.ParametersParameterComponent attachment = parameters.addParameter().setName("Attachment");
			needed.stream().filter(asked -> asked.line() != null && asked.code().getCode().equals(document.code().getCode()))
					.map(Needed::line).distinct().forEach(line -> attachment.addPart().setName("LineItem").setValue(new StringType(line.toString())));
			attachment.addPart().setName("Code").setValue(new CodeableConcept(document.code().copy()));
			attachment.addPart().setName("Content").setResource(document.content());
		}
		boolean complete = needed.stream().allMatch(asked -> documents.stream().anyMatch(sent -> sent.code().getCode().equals(asked.code().getCode())));
		if (!complete) {
			parameters.addParameter().setName("Final").setValue(new BooleanType(false));
		}
		return parameters;
	}
}
