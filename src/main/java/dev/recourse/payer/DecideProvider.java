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
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/** {@code Claim/[id]/$decide}: the payer's reviewer decides a received request. Registered payer systems only. */
@Component
class DecideProvider implements OperationProvider {
	static final String DEFINITION = "http://recourse.dev/fhir/OperationDefinition/Claim-decide";
	private final DecisionRecorder recorder;

	DecideProvider(DecisionRecorder recorder) {
		this.recorder = recorder;
	}

	@RequiresAccess(resourceType = "ClaimResponse", verbs = Verb.UPDATE, payerOnly = true)
	@Operation(name = "$decide", type = Claim.class, idempotent = false, canonicalUrl = DEFINITION)
	@Description(shortDefinition = "Record the reviewer's decision on a received request as its PAS ClaimResponse (review action per item)")
	public ClaimResponse decide(@IdParam IdType claimId,
			@OperationParam(name = "decision", min = 1, max = 1) CodeType decision,
			@OperationParam(name = "reason", min = 0, max = OperationParam.MAX_UNLIMITED) List<Coding> reasons,
			@OperationParam(name = "note", min = 0, max = 1) StringType note,
			@OperationParam(name = "reviewer", min = 0, max = 1) Reference reviewer,
			RequestDetails request) {
		// reviewer is taken, not kept: PAS's ClaimResponse has no element for it (README); the audit trail names the caller
		return recorder.decide(claimId, Decision.of(decision, reasons, note), request.getFhirServerBase());
	}
}
