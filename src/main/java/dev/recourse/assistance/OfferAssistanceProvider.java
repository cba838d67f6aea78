package dev.recourse.assistance;

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

/** {@code Task/[id]/$offer-assistance}: the assistance programmes for the case's drug, offered or withheld by its plan regime. */
@Component
class OfferAssistanceProvider implements OperationProvider {
	static final String DEFINITION = "http://recourse.dev/fhir/OperationDefinition/Task-offer-assistance";
	private final AssistanceOfferer offerer;

	OfferAssistanceProvider(AssistanceOfferer offerer) {
		this.offerer = offerer;
	}

	@RequiresAccess(resourceType = "Task", verbs = Verb.READ)
	@RequiresAccess(resourceType = "ClaimResponse", verbs = Verb.READ)
	@Operation(name = "$offer-assistance", type = Task.class, idempotent = true, canonicalUrl = DEFINITION)
	@Description(shortDefinition = "The manufacturer assistance programmes for the case's drug, offered or withheld by its plan regime")
	public Parameters offerAssistance(@IdParam IdType caseId, RequestDetails request) {
		return AssistanceWriter.write(offerer.answer(caseId, request));
	}
}
