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
import org.springframework.stereotype.Component;

/**
 * {@code Claim/$submit} (PAS): a prior-authorization, appeal or exception request, answered at once (pended). The
 * request Bundle may be the body itself or the {@code resource} parameter of a Parameters body; PAS clients send
 * both. Callers are systems with {@code c} on Claim in a {@code system/} scope.
 */
@Component
class ClaimSubmitProvider implements OperationProvider {
	private final SubmissionReceiver receiver;

	ClaimSubmitProvider(SubmissionReceiver receiver) {
		this.receiver = receiver;
	}

	@RequiresAccess(resourceType = "Claim", verbs = Verb.CREATE, systemOnly = true)
	@Operation(name = "$submit", type = Claim.class, idempotent = false, canonicalUrl = Pas.SUBMIT)
	@Description(shortDefinition = "Submit a PAS prior-authorization request (or an appeal or exception packet); answered with a pended PAS response Bundle")
	public Bundle submit(
			@OperationParam(name = "resource", min = 1, max = 1)
			@Description(shortDefinition = "The PAS request Bundle: the Claim first, then every resource it references") Bundle resource,
			RequestDetails request) {
		if (resource == null) {
			throw new RecourseException(RecourseError.INVALID_INPUT, "resource", "Claim/$submit takes a PAS request Bundle, "
					+ "as the request body or as the Parameters parameter 'resource'");
		}
		return receiver.receive(resource, request);
	}
}
