package dev.recourse.common;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;

/** Builds OperationOutcomes whose issues carry a {@code recourse-error} code. */
public final class OperationOutcomes {
	private OperationOutcomes() {}

	public static OperationOutcome error(RecourseError error, String element, String message) {
		OperationOutcome outcome = new OperationOutcome();
		OperationOutcomeIssueComponent issue = outcome.addIssue()
				.setSeverity(error.httpStatus() >= 500 ? IssueSeverity.FATAL : IssueSeverity.ERROR)
				.setCode(error.issueType())
				.setDiagnostics(message);
		issue.setDetails(details(error, message));
		if (element != null && !element.isBlank()) {
			issue.addExpression(element);
		}
		return outcome;
	}

	/**
	 * The HTTP error for a problem, for code that runs inside HAPI's interceptor chain: HAPI passes its
	 * own exceptions through quietly, while it logs any other exception from an interceptor as an error.
	 */
	public static BaseServerResponseException httpError(RecourseError error, String element, String message) {
		BaseServerResponseException response = BaseServerResponseException.newInstance(error.httpStatus(), message);
		response.setOperationOutcome(error(error, element, message));
		return response;
	}

	/**
	 * Answers a request with the error, for filters that refuse it before HAPI (and its exception
	 * handling) ever sees it.
	 */
	public static void write(
			HttpServletResponse response, FhirContext fhirContext, RecourseError error, String element, String message)
			throws IOException {
		response.setStatus(error.httpStatus());
		response.setContentType(Constants.CT_FHIR_JSON_NEW + ";charset=UTF-8");
		response.setCharacterEncoding("UTF-8");
		fhirContext.newJsonParser().encodeResourceToWriter(error(error, element, message), response.getWriter());
	}

	/** Adds our error code to issues that have none, keeping what HAPI already said. */
	public static void addErrorCode(OperationOutcome outcome, RecourseError error) {
		for (OperationOutcomeIssueComponent issue : outcome.getIssue()) {
			if (issue.getDetails().getCoding().stream().noneMatch(c -> RecourseError.SYSTEM.equals(c.getSystem()))) {
				issue.getDetails().addCoding(new Coding(RecourseError.SYSTEM, error.code(), null));
			}
		}
	}

	private static CodeableConcept details(RecourseError error, String message) {
		CodeableConcept details = new CodeableConcept().setText(message);
		details.addCoding(new Coding(RecourseError.SYSTEM, error.code(), null));
		return details;
	}
}
