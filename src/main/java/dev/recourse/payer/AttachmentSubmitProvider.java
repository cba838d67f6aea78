package dev.recourse.payer;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.common.OperationProvider;
import dev.recourse.security.RequiresAccess;
import dev.recourse.security.SmartScope.Verb;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.springframework.stereotype.Component;

/**
 * CDex 2.1 {@code POST [base]/$submit-attachment} (payer side): documents a provider sends for a prior authorization
 * this payer received, solicited by its request for documents. Backend services only, like PAS's operations; what they
 * may attach to is further limited to the member and provider the request names.
 */
@Component
class AttachmentSubmitProvider implements OperationProvider {
	private final AttachmentReceiver receiver;

	AttachmentSubmitProvider(AttachmentReceiver receiver) {
		this.receiver = receiver;
	}

	@RequiresAccess(resourceType = "DocumentReference", verbs = Verb.CREATE, systemOnly = true)
	@Operation(name = "$submit-attachment", idempotent = false, canonicalUrl = Pas.SUBMIT_ATTACHMENT)
	@Description(shortDefinition = "Submit documents for a prior authorization (CDex); answered with an information OperationOutcome")
	public OperationOutcome submitAttachment(
			@OperationParam(name = "TrackingId", min = 1, max = 1) @Description(shortDefinition = "The payer's tracking number") Identifier trackingId,
			@OperationParam(name = "AttachTo", min = 1, max = 1) @Description(shortDefinition = "preauthorization") CodeType attachTo,
			@OperationParam(name = "PayerId", min = 0, max = 1) Identifier payerId,
			@OperationParam(name = "OrganizationId", min = 0, max = 1) Identifier organizationId,
			@OperationParam(name = "ProviderId", min = 0, max = 1) Identifier providerId,
			@OperationParam(name = "MemberId", min = 1, max = 1) @Description(shortDefinition = "The member's identifier") Identifier memberId,
			@OperationParam(name = "ServiceDate", min = 0, max = 1) DateTimeType serviceDate,
			@OperationParam(name = "Attachment", min = 1, max = OperationParam.MAX_UNLIMITED)
			@Description(shortDefinition = "A document: parts LineItem, Code, Content") List<ParametersParameterComponent> attachments,
			@OperationParam(name = "Final", min = 0, max = 1) BooleanType last,
			RequestDetails request) {
		return receiver.receive(AttachmentSubmission.of(new AttachmentSubmission.Input(trackingId, attachTo, memberId, providerId,
				organizationId, attachments)), request);
	}
}
