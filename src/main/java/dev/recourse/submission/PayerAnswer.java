package dev.recourse.submission;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * What one request to the payer came to.
 *
 * @param kind what the outbox does next
 * @param resource the payer's answer when it answered with one (a Bundle for PAS operations, the created Subscription, an
 *        OperationOutcome or nothing for CDex {@code $submit-attachment})
 * @param reason in words, for the submission's status reason and the caller
 */
public record PayerAnswer(Kind kind, Resource resource, String reason) {
	public enum Kind {
		/** The payer answered 2xx with a Bundle. */
		ANSWERED,
		/** The payer refused the request (4xx): sending it again gets the same answer. */
		REFUSED,
		/** Nothing reached the payer (no connection, 401, 429): sending again is safe. */
		NOT_DELIVERED,
		/** The request may have reached the payer (connection lost after sending, timeout, 5xx): ask before sending again. */
		UNKNOWN
	}

	static PayerAnswer answered(Resource resource) {
		return new PayerAnswer(Kind.ANSWERED, resource, "answered");
	}

	static PayerAnswer of(Kind kind, String reason) {
		return new PayerAnswer(kind, null, reason);
	}

	/** The answer's Bundle; null when it is none. */
	Bundle bundle() {
		return resource instanceof Bundle bundle ? bundle : null;
	}
}
