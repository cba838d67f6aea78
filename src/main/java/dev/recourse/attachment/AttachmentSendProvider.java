package dev.recourse.attachment;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.common.OperationProvider;
import dev.recourse.security.RequiresAccess;
import dev.recourse.security.SmartScope.Verb;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/** {@code Task/[id]/$send-documents}: the documents a payer asked for, sent with CDex $submit-attachment; the Communication recording it. */
@Component
class AttachmentSendProvider implements OperationProvider {
	static final String DEFINITION = "http://recourse.dev/fhir/OperationDefinition/Task-send-documents";
	private final AttachmentSender sender;

	AttachmentSendProvider(AttachmentSender sender) {
		this.sender = sender;
	}

	@RequiresAccess(resourceType = "Task", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Task", verbs = Verb.UPDATE)
	@RequiresAccess(resourceType = "DocumentReference", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Communication", verbs = Verb.CREATE)
	@Operation(name = "$send-documents", type = Task.class, idempotent = false, canonicalUrl = DEFINITION)
	@Description(shortDefinition = "Send the documents the payer asked for (CDex $submit-attachment); the Communication recording what was sent")
	public Communication sendDocuments(@IdParam IdType caseId,
			@OperationParam(name = "request", min = 0, max = 1)
			@Description(shortDefinition = "The payer's request answered (Task); default the case's open one") Reference request,
			@OperationParam(name = "document", min = 1, max = OperationParam.MAX_UNLIMITED)
			@Description(shortDefinition = "A DocumentReference on this server, attachment inline") List<Reference> documents,
			@OperationParam(name = "code", min = 0, max = OperationParam.MAX_UNLIMITED)
			@Description(shortDefinition = "The LOINC code each document answers, in order; default its LOINC type") List<Coding> codes,
			RequestDetails details) {
		return sender.send(caseId, new SendDocuments(request, documents, codes), details);
	}
}
