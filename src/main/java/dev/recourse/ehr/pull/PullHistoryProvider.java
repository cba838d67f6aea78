package dev.recourse.ehr.pull;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.common.OperationProvider;
import dev.recourse.security.RequiresAccess;
import dev.recourse.security.SmartScope.Verb;
import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * {@code Task/[id]/$pull-history}: pulls the case patient's chart from the EHR into the case. The caller
 * needs to read the case and to write every type the pull stores, as if it stored them itself.
 */
@Component
class PullHistoryProvider implements OperationProvider {
	static final String DEFINITION = "http://recourse.dev/fhir/OperationDefinition/Task-pull-history";
	private final HistoryPuller puller;

	PullHistoryProvider(HistoryPuller puller) {
		this.puller = puller;
	}

	@RequiresAccess(resourceType = "Task", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Task", verbs = Verb.UPDATE)
	@RequiresAccess(resourceType = "Patient", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Patient", verbs = Verb.UPDATE)
	@RequiresAccess(resourceType = "Provenance", verbs = Verb.CREATE)
	@RequiresAccess(resourceType = "Coverage", verbs = Verb.CREATE)
	@RequiresAccess(resourceType = "Coverage", verbs = Verb.UPDATE)
	@RequiresAccess(resourceType = "Condition", verbs = Verb.CREATE)
	@RequiresAccess(resourceType = "Condition", verbs = Verb.UPDATE)
	@RequiresAccess(resourceType = "MedicationRequest", verbs = Verb.CREATE)
	@RequiresAccess(resourceType = "MedicationRequest", verbs = Verb.UPDATE)
	@RequiresAccess(resourceType = "MedicationStatement", verbs = Verb.CREATE)
	@RequiresAccess(resourceType = "MedicationStatement", verbs = Verb.UPDATE)
	@RequiresAccess(resourceType = "MedicationDispense", verbs = Verb.CREATE)
	@RequiresAccess(resourceType = "MedicationDispense", verbs = Verb.UPDATE)
	@RequiresAccess(resourceType = "MedicationAdministration", verbs = Verb.CREATE)
	@RequiresAccess(resourceType = "MedicationAdministration", verbs = Verb.UPDATE)
	@RequiresAccess(resourceType = "AllergyIntolerance", verbs = Verb.CREATE)
	@RequiresAccess(resourceType = "AllergyIntolerance", verbs = Verb.UPDATE)
	@RequiresAccess(resourceType = "Observation", verbs = Verb.CREATE)
	@RequiresAccess(resourceType = "Observation", verbs = Verb.UPDATE)
	@RequiresAccess(resourceType = "Procedure", verbs = Verb.CREATE)
	@RequiresAccess(resourceType = "Procedure", verbs = Verb.UPDATE)
	@RequiresAccess(resourceType = "DiagnosticReport", verbs = Verb.CREATE)
	@RequiresAccess(resourceType = "DiagnosticReport", verbs = Verb.UPDATE)
	@RequiresAccess(resourceType = "DocumentReference", verbs = Verb.CREATE)
	@RequiresAccess(resourceType = "DocumentReference", verbs = Verb.UPDATE)
	@RequiresAccess(resourceType = "Medication", verbs = Verb.CREATE)
	@RequiresAccess(resourceType = "Medication", verbs = Verb.UPDATE)
	@RequiresAccess(resourceType = "MedicationStatement", verbs = Verb.SEARCH)
	@RequiresAccess(resourceType = "MedicationStatement", verbs = Verb.DELETE)
	@Operation(name = "$pull-history", type = Task.class, idempotent = false, canonicalUrl = DEFINITION)
	@Description(shortDefinition = "Pull the case patient's history from the EHR and build the prior-therapy timeline")
	public Parameters pullHistory(@IdParam IdType caseId,
			@OperationParam(name = "endpoint", min = 0, max = 1) @Description(shortDefinition = "The EHR's Endpoint; default from configuration") Reference endpoint,
			RequestDetails request) {
		return PullResultWriter.write(puller.pull(caseId, Optional.ofNullable(endpoint), request));
	}
}
