package dev.recourse.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.junit.jupiter.api.Test;

class OperationOutcomesTest {

	@Test
	void error_carriesCodeElementAndMessage() {
		OperationOutcome outcome =
				OperationOutcomes.error(RecourseError.UNPROCESSABLE, "Claim.insurance[0]", "member id missing");

		OperationOutcome.OperationOutcomeIssueComponent issue = outcome.getIssueFirstRep();
		assertThat(issue.getSeverity()).isEqualTo(IssueSeverity.ERROR);
		assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.PROCESSING);
		assertThat(issue.getDetails().getCodingFirstRep().getSystem()).isEqualTo(RecourseError.SYSTEM);
		assertThat(issue.getDetails().getCodingFirstRep().getCode()).isEqualTo("unprocessable");
		assertThat(issue.getExpression().get(0).getValue()).isEqualTo("Claim.insurance[0]");
		assertThat(issue.getDiagnostics()).isEqualTo("member id missing");
	}

	@Test
	void internalError_isFatalWithoutElement() {
		OperationOutcome outcome = OperationOutcomes.error(RecourseError.INTERNAL_ERROR, null, "quote id 1");

		assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(IssueSeverity.FATAL);
		assertThat(outcome.getIssueFirstRep().getExpression()).isEmpty();
	}

	@Test
	void addErrorCode_keepsExistingIssuesAndAddsOnce() {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setDiagnostics("HAPI-2001: Resource Patient/x is not known");

		OperationOutcomes.addErrorCode(outcome, RecourseError.NOT_FOUND);
		OperationOutcomes.addErrorCode(outcome, RecourseError.NOT_FOUND);

		assertThat(outcome.getIssueFirstRep().getDiagnostics()).startsWith("HAPI-2001");
		assertThat(outcome.getIssueFirstRep().getDetails().getCoding()).singleElement()
				.satisfies(c -> assertThat(c.getCode()).isEqualTo("not-found"));
	}

	@Test
	void httpError_hasTheStatusOfItsCode() {
		assertThat(OperationOutcomes.httpError(RecourseError.TOO_LARGE, null, "big").getStatusCode()).isEqualTo(413);
	}
}
