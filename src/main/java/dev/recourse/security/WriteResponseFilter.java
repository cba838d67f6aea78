package dev.recourse.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import dev.recourse.common.ServerInterceptor;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * A write answers with the resource only when the caller may read it (HAPI #8253): a client allowed to
 * create but not to read, or a conditional create that matched an existing resource, gets the status,
 * Location and ETag, and an OperationOutcome instead of the body.
 */
@Interceptor
final class WriteResponseFilter implements ServerInterceptor {
	private static final Set<RestOperationTypeEnum> WRITES = Set.of(
			RestOperationTypeEnum.CREATE, RestOperationTypeEnum.UPDATE, RestOperationTypeEnum.PATCH);

	private final ScopeAuthorization rules;

	WriteResponseFilter(ScopeAuthorization rules) {
		this.rules = rules;
	}

	/** Before HAPI's own outgoing check, which would answer an unreadable body with a 403 after the write. */
	@Hook(value = Pointcut.SERVER_OUTGOING_RESPONSE, order = -100)
	public void withholdUnreadable(RequestDetails request, ResponseDetails response, Pointcut pointcut) {
		IBaseResource body = response.getResponseResource();
		if (body == null
				|| body instanceof IBaseOperationOutcome
				|| Caller.of(request).isEmpty()
				|| !WRITES.contains(request.getRestOperationType())) {
			return;
		}
		boolean readable = Caller.of(request).get().may(SmartScope.Verb.READ, request.getFhirContext().getResourceType(body))
				&& rules.mayRead(request, body, pointcut);
		if (!readable) {
			response.setResponseResource(withheld());
		}
	}

	private static OperationOutcome withheld() {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue()
				.setSeverity(IssueSeverity.INFORMATION)
				.setCode(IssueType.INFORMATIONAL)
				.setDiagnostics("The write succeeded; the resource is not returned because the token's scopes do not allow reading it");
		return outcome;
	}
}
