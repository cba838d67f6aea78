package dev.recourse.denial.triage;

import dev.recourse.security.RequiresAccess;
import dev.recourse.security.SmartScope.Verb;
import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.common.OperationProvider;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/** {@code ClaimResponse/$triage} and {@code ClaimResponse/[id]/$triage}: parameters in, Parameters out. */
@Component
class TriageProvider implements OperationProvider {
	static final String DEFINITION = "http://recourse.dev/fhir/OperationDefinition/ClaimResponse-triage";
	private final TriageService service;

	TriageProvider(TriageService service) {
		this.service = service;
	}

	@RequiresAccess(resourceType = "ClaimResponse", verbs = Verb.READ)
	@Operation(name = "$triage", type = ClaimResponse.class, idempotent = false, canonicalUrl = DEFINITION)
	@Description(shortDefinition = "What kind of denial this is, which pathways are open and every deadline on them")
	public Parameters triagePosted(
			@OperationParam(name = "denial", min = 0, max = 1) @Description(shortDefinition = "The denial (required at type level)") ClaimResponse denial,
			@OperationParam(name = "coverage", min = 0, max = 1) @Description(shortDefinition = "The plan; else denial.insurance.coverage") Coverage coverage,
			@OperationParam(name = "letterText", min = 0, max = 1) @Description(shortDefinition = "The denial letter's text") StringType letterText,
			@OperationParam(name = "receivedDate", min = 0, max = 1) @Description(shortDefinition = "When the notice was received") DateType receivedDate,
			@OperationParam(name = "decisionLevel", min = 0, max = 1) @Description(shortDefinition = "initial | internal-appeal | final-internal") CodeType decisionLevel,
			@OperationParam(name = "urgent", min = 0, max = 1) @Description(shortDefinition = "Whether the situation is urgent") BooleanType urgent,
			@OperationParam(name = "asOf", min = 0, max = 1) @Description(shortDefinition = "The moment to judge deadlines at; default now") DateTimeType asOf,
			RequestDetails request) {
		return service.triage(
				new TriageInput(null, denial, coverage, letterText, receivedDate, decisionLevel, urgent, asOf), request);
	}

	@RequiresAccess(resourceType = "ClaimResponse", verbs = Verb.READ)
	@Operation(name = "$triage", type = ClaimResponse.class, idempotent = false, canonicalUrl = DEFINITION)
	@Description(shortDefinition = "Triage of a stored denial")
	public Parameters triageStored(
			@IdParam IdType denialId,
			@OperationParam(name = "coverage", min = 0, max = 1) Coverage coverage,
			@OperationParam(name = "letterText", min = 0, max = 1) StringType letterText,
			@OperationParam(name = "receivedDate", min = 0, max = 1) DateType receivedDate,
			@OperationParam(name = "decisionLevel", min = 0, max = 1) CodeType decisionLevel,
			@OperationParam(name = "urgent", min = 0, max = 1) BooleanType urgent,
			@OperationParam(name = "asOf", min = 0, max = 1) DateTimeType asOf,
			RequestDetails request) {
		return service.triage(
				new TriageInput(denialId, null, coverage, letterText, receivedDate, decisionLevel, urgent, asOf), request);
	}
}
