package dev.recourse.filing;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.common.OperationProvider;
import dev.recourse.security.RequiresAccess;
import dev.recourse.security.SmartScope.Verb;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/** {@code Task/[id]/$standing}: where the case stands and the pathways open from there, with their deadlines. */
@Component
class StandingProvider implements OperationProvider {
	static final String DEFINITION = "http://recourse.dev/fhir/OperationDefinition/Task-standing";
	private final StandingService service;

	StandingProvider(StandingService service) {
		this.service = service;
	}

	@RequiresAccess(resourceType = "Task", verbs = Verb.READ)
	@RequiresAccess(resourceType = "ClaimResponse", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Coverage", verbs = {Verb.READ, Verb.SEARCH})
	@Operation(name = "$standing", type = Task.class, idempotent = true, canonicalUrl = DEFINITION)
	@Description(shortDefinition = "Where the case stands (the adverse decision a filing answers, its level) and the pathways open from there")
	public Parameters standing(@IdParam IdType caseId, RequestDetails request) {
		return service.standing(caseId, request);
	}
}
