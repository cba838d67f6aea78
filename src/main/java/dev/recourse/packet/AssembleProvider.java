package dev.recourse.packet;

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

/** {@code Task/[id]/$assemble}: the case's packet for the payer. */
@Component
class AssembleProvider implements OperationProvider {
	static final String DEFINITION = "http://recourse.dev/fhir/OperationDefinition/Task-assemble";
	private final PacketAssembler assembler;

	AssembleProvider(PacketAssembler assembler) {
		this.assembler = assembler;
	}

	@RequiresAccess(resourceType = "Task", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Task", verbs = Verb.UPDATE)
	@RequiresAccess(resourceType = "ClaimResponse", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Claim", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Patient", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Coverage", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Coverage", verbs = Verb.SEARCH)
	@RequiresAccess(resourceType = "QuestionnaireResponse", verbs = Verb.READ)
	@RequiresAccess(resourceType = "DocumentReference", verbs = Verb.READ)
	@RequiresAccess(resourceType = "DocumentReference", verbs = Verb.CREATE)
	@RequiresAccess(resourceType = "DocumentReference", verbs = Verb.UPDATE)
	@RequiresAccess(resourceType = "Bundle", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Bundle", verbs = Verb.CREATE)
	@RequiresAccess(resourceType = "Bundle", verbs = Verb.UPDATE)
	@Operation(name = "$assemble", type = Task.class, idempotent = false, canonicalUrl = DEFINITION)
	@Description(shortDefinition = "Assemble the case's packet (PAS request bundle with the appeal or exception request), validated")
	public Bundle assemble(@IdParam IdType caseId, RequestDetails request) {
		return assembler.assemble(caseId, request);
	}
}
