package dev.recourse.payer;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.SingleValidationMessage;
import dev.recourse.common.OperationOutcomes;
import dev.recourse.common.RecourseError;
import dev.recourse.conformance.ConformanceValidator;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.stereotype.Component;

/**
 * A received Bundle against the PAS profile it must meet (and the profiles it and its entries claim, RecoursePacket
 * among them): 422 with one issue per error, each at its location, or nothing.
 */
@Component
class PasValidation {
	private final ConformanceValidator validator;

	PasValidation(ConformanceValidator validator) {
		this.validator = validator;
	}

	/** @param what the kind of Bundle, for the message ("PAS request Bundle") */
	void require(Bundle bundle, String profile, String what) {
		List<SingleValidationMessage> errors = validator.errors(bundle, profile);
		if (errors.isEmpty()) {
			return;
		}
		OperationOutcome outcome = new OperationOutcome();
		for (SingleValidationMessage error : errors) {
			outcome.addIssue(OperationOutcomes.error(RecourseError.UNPROCESSABLE, error.getLocationString(), error.getMessage()).getIssueFirstRep());
		}
		throw new UnprocessableEntityException("The " + what + " does not conform to " + profile + ": " + errors.size() + " error(s)", outcome);
	}
}
