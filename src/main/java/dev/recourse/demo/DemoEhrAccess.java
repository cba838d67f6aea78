package dev.recourse.demo;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import dev.recourse.security.Caller;
import dev.recourse.security.SmartScope.Verb;
import java.util.Set;

/**
 * Who the demo EHR answers: a backend service (a {@code system/} scope) whose token allows reading or searching the
 * type asked for, as an EHR would check a SMART Backend Services token. The token itself was checked by the same
 * resource-server chain as {@code /fhir} (signature, issuer, audience, expiry); this adds the scopes.
 */
@Interceptor
final class DemoEhrAccess {
	private static final Set<RestOperationTypeEnum> READS = Set.of(RestOperationTypeEnum.READ, RestOperationTypeEnum.VREAD);

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void check(RequestDetails request, RestOperationTypeEnum operation) {
		if (operation == RestOperationTypeEnum.METADATA) {
			return;
		}
		Caller caller = Caller.of(request).orElseThrow(() -> new AuthenticationException("The demo EHR needs a bearer token"));
		String type = request.getResourceName();
		Verb verb = READS.contains(operation) ? Verb.READ : Verb.SEARCH;
		boolean allowed = caller.isBackendService() && (type == null || caller.mayUnrestricted(verb, type));
		if (!allowed) {
			throw new ForbiddenOperationException("The demo EHR answers backend services whose system/ scopes allow "
					+ verb.name().toLowerCase() + (type == null ? "" : " on " + type));
		}
	}
}
