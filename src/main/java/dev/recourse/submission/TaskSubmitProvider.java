package dev.recourse.submission;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.common.OperationProvider;
import dev.recourse.security.RequiresAccess;
import dev.recourse.security.SmartScope.Verb;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/** {@code Task/[id]/$submit}: the case's packet to the payer, once; the payer's PAS response Bundle. */
@Component
class TaskSubmitProvider implements OperationProvider {
	static final String DEFINITION = "http://recourse.dev/fhir/OperationDefinition/Task-submit";
	private final PacketSubmitter submitter;

	TaskSubmitProvider(PacketSubmitter submitter) {
		this.submitter = submitter;
	}

	@RequiresAccess(resourceType = "Task", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Task", verbs = Verb.UPDATE)
	@RequiresAccess(resourceType = "Task", verbs = Verb.CREATE)
	@RequiresAccess(resourceType = "Bundle", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Bundle", verbs = Verb.CREATE)
	@RequiresAccess(resourceType = "ClaimResponse", verbs = Verb.CREATE)
	@Operation(name = "$submit", type = Task.class, idempotent = false, canonicalUrl = DEFINITION)
	@Description(shortDefinition = "Submit the case's packet to the payer (PAS Claim/$submit) once, through a durable outbox; the payer's PAS response Bundle")
	public Bundle submit(@IdParam IdType caseId, RequestDetails request) {
		return submitter.submit(caseId, request);
	}
}
