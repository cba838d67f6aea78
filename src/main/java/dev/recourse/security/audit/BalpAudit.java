package dev.recourse.security.audit;

import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import ca.uhn.fhir.storage.interceptor.balp.BalpAuditCaptureInterceptor;
import dev.recourse.common.ServerInterceptor;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * HAPI's BALP interceptor on the FHIR endpoint: reads and searches (at {@code STORAGE_PRESHOW_RESOURCES}) and
 * creates, updates and deletes (at {@code STORAGE_PRECOMMIT_RESOURCE_*}, inside the write transaction). HAPI
 * finds the hook methods on the superclass, package-private ones included (it scans declared methods up the
 * class hierarchy), so this class adds none.
 *
 * <p>It is a {@link ServerInterceptor}, registered on the RestfulServer and not on the storage layer: storage
 * hooks then fire for requests that came over HTTP only, never for internal writes made as the system — the
 * audit events themselves among them, so storing an event cannot be audited in turn. BALP's hooks need the
 * servlet request anyway.
 */
@Component
@Interceptor
@ConditionalOnProperty(name = AuditProperties.ENABLED, havingValue = "true", matchIfMissing = true)
class BalpAudit extends BalpAuditCaptureInterceptor implements ServerInterceptor {

	BalpAudit(AuditTrail trail, CallerAgents agents) {
		super(trail, agents);
	}

	// Overridden without @Hook: HAPI registers the superclass's annotated method, and calling it dispatches here.
	// Inside OperationWrites.auditedAsOne the per-resource event would be dropped by the trail anyway; a thousand-
	// resource chart pull spent ~6 % of its store building them.

	@Override
	public void hookStoragePrecommitResourceCreated(IBaseResource resource, ServletRequestDetails request) {
		if (!summarized(request)) {
			super.hookStoragePrecommitResourceCreated(resource, request);
		}
	}

	@Override
	public void hookStoragePrecommitResourceUpdated(IBaseResource oldResource, IBaseResource resource, ServletRequestDetails request) {
		if (!summarized(request)) {
			super.hookStoragePrecommitResourceUpdated(oldResource, resource, request);
		}
	}

	private static boolean summarized(ServletRequestDetails request) {
		return request != null && request.getServletRequest() != null && OperationWrites.summarizing(request.getServletRequest());
	}
}
