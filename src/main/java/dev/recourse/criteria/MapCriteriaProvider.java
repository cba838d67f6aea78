package dev.recourse.criteria;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.common.OperationProvider;
import dev.recourse.security.RequiresAccess;
import dev.recourse.security.SmartScope.Verb;
import java.util.Optional;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/** {@code Task/[id]/$map-criteria}: the case's criteria map against the payer's coverage policy. */
@Component
class MapCriteriaProvider implements OperationProvider {
	static final String DEFINITION = "http://recourse.dev/fhir/OperationDefinition/Task-map-criteria";
	private final CriteriaMapper mapper;

	MapCriteriaProvider(CriteriaMapper mapper) {
		this.mapper = mapper;
	}

	@RequiresAccess(resourceType = "Task", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Task", verbs = Verb.UPDATE)
	@RequiresAccess(resourceType = "Patient", verbs = Verb.READ)
	@RequiresAccess(resourceType = "ClaimResponse", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Questionnaire", verbs = Verb.SEARCH)
	@RequiresAccess(resourceType = "QuestionnaireResponse", verbs = Verb.READ)
	@RequiresAccess(resourceType = "QuestionnaireResponse", verbs = Verb.CREATE)
	@RequiresAccess(resourceType = "QuestionnaireResponse", verbs = Verb.UPDATE)
	@RequiresAccess(resourceType = "Condition", verbs = Verb.SEARCH)
	@RequiresAccess(resourceType = "MedicationStatement", verbs = Verb.SEARCH)
	@RequiresAccess(resourceType = "Coverage", verbs = Verb.SEARCH)
	@RequiresAccess(resourceType = "MedicationRequest", verbs = Verb.SEARCH)
	@RequiresAccess(resourceType = "Observation", verbs = Verb.SEARCH)
	@RequiresAccess(resourceType = "AllergyIntolerance", verbs = Verb.SEARCH)
	@RequiresAccess(resourceType = "Procedure", verbs = Verb.SEARCH)
	@RequiresAccess(resourceType = "DocumentReference", verbs = Verb.SEARCH)
	@Operation(name = "$map-criteria", type = Task.class, idempotent = false, canonicalUrl = DEFINITION)
	@Description(shortDefinition = "Judge each criterion of the payer's coverage policy against the case patient's chart")
	public QuestionnaireResponse mapCriteria(@IdParam IdType caseId,
			@OperationParam(name = "policy", min = 0, max = 1) @Description(shortDefinition = "The policy, url or url|version; default chosen by drug or service and diagnosis") CanonicalType policy,
			RequestDetails request) {
		return mapper.map(caseId, Optional.ofNullable(policy).map(CanonicalType::getValue), request);
	}
}
