package dev.recourse.submission;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import dev.recourse.common.OperationOutcomes;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.common.RequestIdFilter;
import dev.recourse.common.RequestLimits;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rest-hook of our PAS Subscriptions, {@code POST /pas-notifications/<payer id>}: the body read within the request
 * size limit and handed to {@link DecisionNoticeReceiver}; 200 with an informational OperationOutcome, or the error as
 * an OperationOutcome. Outside {@code /fhir}: a payer holds the subscription's secret, not a token of our issuers.
 */
@RestController
class DecisionNoticeController {
	private static final Logger log = LoggerFactory.getLogger(DecisionNoticeController.class);
	private static final String FHIR_JSON = "application/fhir+json;charset=UTF-8";
	private final DecisionNoticeReceiver receiver;
	private final RequestLimits limits;
	private final FhirContext fhirContext;

	DecisionNoticeController(DecisionNoticeReceiver receiver, RequestLimits limits, FhirContext fhirContext) {
		this.receiver = receiver;
		this.limits = limits;
		this.fhirContext = fhirContext;
	}

	@PostMapping(DecisionNoticeProperties.RECEIVER_PATH + "/{payer}")
	ResponseEntity<String> receive(@PathVariable("payer") String payer, @RequestHeader(name = "Authorization", required = false) String authorization,
			@RequestHeader(name = "Content-Type", required = false) String contentType, HttpServletRequest request) throws IOException {
		String body = body(request);
		List<String> outcomes = receiver.receive(new DecisionNoticeReceiver.Delivery(payer, authorization, contentType, body));
		OperationOutcome outcome = new OperationOutcome();
		outcomes.forEach(line -> outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
				.setCode(OperationOutcome.IssueType.INFORMATIONAL).setDiagnostics(line));
		return respond(200, outcome);
	}

	@ExceptionHandler(RecourseException.class)
	ResponseEntity<String> refused(RecourseException refusal) {
		return respond(refusal.error().httpStatus(), OperationOutcomes.error(refusal.error(), refusal.element(), refusal.getMessage()));
	}

	@ExceptionHandler(BaseServerResponseException.class)
	ResponseEntity<String> storeRefused(BaseServerResponseException refusal) {
		RecourseError error = RecourseError.forStatus(refusal.getStatusCode());
		if (error == RecourseError.INTERNAL_ERROR) {
			return failed(refusal);
		}
		return respond(error.httpStatus(), OperationOutcomes.error(error, null, "The notification could not be recorded (HTTP "
				+ refusal.getStatusCode() + "); deliver it again"));
	}

	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<String> failed(RuntimeException failure) {
		String requestId = MDC.get(RequestIdFilter.MDC_KEY);
		log.error("Internal error in request {}", requestId, failure);
		return respond(500, OperationOutcomes.error(RecourseError.INTERNAL_ERROR, null, "Internal error; request id " + requestId));
	}

	private String body(HttpServletRequest request) throws IOException {
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, limits.maxRequestBytes()) + 1);
			if (bytes.length > limits.maxRequestBytes()) {
				throw new RecourseException(RecourseError.TOO_LARGE, null, "The notification exceeds " + limits.maxRequestBytes() + " bytes");
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}

	private ResponseEntity<String> respond(int status, OperationOutcome outcome) {
		return ResponseEntity.status(status).header("Content-Type", FHIR_JSON).body(fhirContext.newJsonParser().encodeResourceToString(outcome));
	}
}
