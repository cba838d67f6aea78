package dev.recourse.security.audit;

import ca.uhn.fhir.rest.server.RestfulServer;
import dev.recourse.common.RequestIdFilter;
import dev.recourse.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Records the refusals the security layer answers itself, before a request reaches the FHIR endpoint
 * (a missing or invalid token: 401; a scope that does not permit the request: 403). Refusals the endpoint
 * answers are recorded by {@link RequestAudit}.
 */
@Component
public class AccessDeniedAudit {
	private final AuditProperties properties;
	private final AuditTrail trail;
	private final AuditEventWriter writer;
	private final ObjectProvider<RestfulServer> endpoint;

	AccessDeniedAudit(
			AuditProperties properties, AuditTrail trail, AuditEventWriter writer, ObjectProvider<RestfulServer> endpoint) {
		this.properties = properties;
		this.trail = trail;
		this.writer = writer;
		this.endpoint = endpoint;
	}

	/**
	 * Stores an AuditEvent (outcome 4, minor failure) saying who tried what — method, interaction, resource
	 * type and id, a search's query; never the body — before the refusal is answered. Requests outside the
	 * FHIR API and for its capability statement or {@code .well-known} documents are not recorded.
	 *
	 * @throws RuntimeException when the event cannot be stored
	 */
	public void recordDenied(HttpServletRequest request, int status, Optional<Caller> caller) {
		if (!properties.enabled()) {
			return;
		}
		Attempt.of(request).ifPresent(attempt -> {
			AuditContext context = new AuditContext(
					serverBase(request), request.getHeader(RequestIdFilter.HEADER), request.getRemoteAddr(), caller);
			trail.store(writer.failure(attempt, context, status), Optional.of(request));
		});
	}

	/** The base the endpoint itself would give this request, so references match those of its own events. */
	private String serverBase(HttpServletRequest request) {
		return endpoint.getObject().getServerAddressStrategy().determineServerBase(request.getServletContext(), request);
	}
}
