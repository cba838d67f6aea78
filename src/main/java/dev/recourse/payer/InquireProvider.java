package dev.recourse.payer;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.common.OperationProvider;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.security.RequiresAccess;
import dev.recourse.security.SmartScope.Verb;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Parameters;
import org.springframework.stereotype.Component;

/**
 * {@code Claim/$inquire} (PAS): the current answer to received requests, found by example. The inquiry Bundle may
 * be the body itself or the {@code resource} parameter. Callers are systems with {@code s} on ClaimResponse in a
 * {@code system/} scope; what they get is further limited to the member and provider they name (PAS spec-61).
 */
@Component
class InquireProvider implements OperationProvider {
	private final PriorAuthInquiry inquiry;

	InquireProvider(PriorAuthInquiry inquiry) {
		this.inquiry = inquiry;
	}

	@RequiresAccess(resourceType = "ClaimResponse", verbs = Verb.SEARCH, systemOnly = true)
	@Operation(name = "$inquire", type = Claim.class, idempotent = false, canonicalUrl = Pas.INQUIRE)
	@Description(shortDefinition = "Find received PAS requests by example (member, provider, identifier); answers with their current responses")
	public Parameters inquire(
			@OperationParam(name = "resource", min = 1, max = 1)
			@Description(shortDefinition = "The PAS inquiry Bundle: a Claim Inquiry first, then the resources it references") Bundle resource,
			RequestDetails request) {
		if (resource == null) {
			throw new RecourseException(RecourseError.INVALID_INPUT, "resource", "Claim/$inquire takes a PAS inquiry Bundle, "
					+ "as the request body or as the Parameters parameter 'resource'");
		}
		return inquiry.inquire(resource, request);
	}
}
