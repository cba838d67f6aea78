package dev.recourse.payer;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.common.OperationProvider;
import dev.recourse.security.RequiresAccess;
import dev.recourse.security.SmartScope.Verb;
import java.util.List;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/** {@code Claim/[id]/$request-documents}: the payer asks the provider for more documents on a pended request. Payer clients only. */
@Component
class DocumentRequestProvider implements OperationProvider {
	static final String DEFINITION = "http://recourse.dev/fhir/OperationDefinition/Claim-request-documents";
	private final DocumentRequestRecorder recorder;

	DocumentRequestProvider(DocumentRequestRecorder recorder) {
		this.recorder = recorder;
	}

	@RequiresAccess(resourceType = "ClaimResponse", verbs = Verb.UPDATE, payerOnly = true)
	@RequiresAccess(resourceType = "Task", verbs = Verb.CREATE, payerOnly = true)
	@Operation(name = "$request-documents", type = Claim.class, idempotent = false, canonicalUrl = DEFINITION)
	@Description(shortDefinition = "Ask the provider for documents (PAS Task and CommunicationRequest on the pended answer); the PAS Task")
	public Task requestDocuments(@IdParam IdType claimId,
			@OperationParam(name = "code", min = 1, max = OperationParam.MAX_UNLIMITED)
			@Description(shortDefinition = "LOINC attachment code of a document asked for") List<Coding> codes,
			@OperationParam(name = "item", min = 0, max = OperationParam.MAX_UNLIMITED)
			@Description(shortDefinition = "The request's item sequences it concerns; default all") List<PositiveIntType> items,
			@OperationParam(name = "note", min = 0, max = 1) @Description(shortDefinition = "What the reviewer says to the provider") StringType note,
			@OperationParam(name = "due", min = 0, max = 1) @Description(shortDefinition = "When the documents are due") DateType due,
			RequestDetails request) {
		return recorder.request(claimId, DocumentRequestAsk.of(codes, items, note, due), request);
	}
}
