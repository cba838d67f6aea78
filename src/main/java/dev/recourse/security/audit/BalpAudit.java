package dev.recourse.security.audit;

import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.storage.interceptor.balp.BalpAuditCaptureInterceptor;
import dev.recourse.common.ServerInterceptor;
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
}
