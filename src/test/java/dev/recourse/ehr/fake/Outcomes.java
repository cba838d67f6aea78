package dev.recourse.ehr.fake;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.OperationOutcome;

/** Writes an OperationOutcome as the whole answer of a filter that stops a request. */
final class Outcomes {
	static final String FHIR_JSON = "application/fhir+json;charset=utf-8";

	private Outcomes() {
	}

	static void write(HttpServletResponse response, int status, OperationOutcome.IssueType code, String text)
			throws IOException {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(code).setDiagnostics(text);
		byte[] body = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(outcome)
				.getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType(FHIR_JSON);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}
}
