package dev.recourse.security;

import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.PolicyEnum;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import dev.recourse.common.ServerInterceptor;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's AuthorizationInterceptor with rules made from the caller's SMART scopes. Requests that came
 * over HTTP without a caller (only the open endpoints get that far) may read the capability statement
 * and nothing else; the server's own internal requests are not HTTP requests and are not restricted.
 */
final class ScopeAuthorization extends AuthorizationInterceptor implements ServerInterceptor {
	private final ScopeRules rules;

	ScopeAuthorization(ScopeRules rules) {
		super(PolicyEnum.DENY);
		this.rules = rules;
	}

	@Override
	public List<IAuthRule> buildRuleList(RequestDetails request) {
		Optional<Caller> caller = Caller.of(request);
		if (caller.isPresent()) {
			return rules.forCaller(caller.get());
		}
		if (request instanceof ServletRequestDetails) {
			return new RuleBuilder().allow("capability statement").metadata().andThen()
					.denyAll("a bearer token is needed").build();
		}
		return new RuleBuilder().allowAll("internal request").build();
	}

	/** Whether the caller's rules let it read this resource: what searches and write answers may show. */
	boolean mayRead(RequestDetails request, IBaseResource resource, Pointcut pointcut) {
		return applyRulesAndReturnDecision(RestOperationTypeEnum.READ, request, null, null, resource, pointcut)
						.getDecision()
				== PolicyEnum.ALLOW;
	}

	@Override
	protected void handleDeny(RequestDetails request, Verdict verdict) {
		try {
			super.handleDeny(request, verdict);
		} catch (ForbiddenOperationException denied) {
			// HAPI names the deciding rule; our rules are named after the scope or the policy that decided
			throw ScopeGate.forbidden(null, denied.getMessage().replaceFirst("^HAPI-\\d+: ", ""));
		}
	}
}
