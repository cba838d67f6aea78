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
import org.hl7.fhir.r4.model.CanonicalType;
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
	private final DenialBasisResolver bases;
	private final DecisionReviewers reviewers;

	DecideProvider(DecisionRecorder recorder, DenialBasisResolver bases, DecisionReviewers reviewers) {
		this.recorder = recorder;
		this.bases = bases;
		this.reviewers = reviewers;
	}

	@RequiresAccess(resourceType = "ClaimResponse", verbs = Verb.UPDATE, payerOnly = true)
	@Operation(name = "$decide", type = Claim.class, idempotent = false, canonicalUrl = DEFINITION)
	@Description(shortDefinition = "Record the reviewer's decision on a received request as its PAS ClaimResponse (review action per item)")
	public ClaimResponse decide(@IdParam IdType claimId,
			@OperationParam(name = "decision", min = 1, max = 1) CodeType decision,
			@OperationParam(name = "reason", min = 0, max = OperationParam.MAX_UNLIMITED) List<Coding> reasons,
			@OperationParam(name = "note", min = 0, max = 1) StringType note,
			@OperationParam(name = "reviewer", min = 0, max = 1) Reference reviewer,
			@OperationParam(name = "policy", min = 0, max = 1) CanonicalType policy,
			@OperationParam(name = "criterion", min = 0, max = OperationParam.MAX_UNLIMITED) List<StringType> criteria,
			RequestDetails request) {
		Decision taken = Decision.of(decision, reasons, note);
		return recorder.decide(claimId, taken.with(bases.resolve(taken, policy, criteria), reviewers.of(reviewer)), request.getFhirServerBase());
	}
}
