package dev.recourse.security;

import dev.recourse.security.audit.AccessDeniedAudit;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/** Puts the refusals this layer answers before HAPI runs (401, 403) into the audit trail. */
@Component
class DeniedAccessAudit implements SecurityErrors.DeniedAccessListener {
	private final AccessDeniedAudit audit;

	DeniedAccessAudit(AccessDeniedAudit audit) {
		this.audit = audit;
	}

	@Override
	public void denied(HttpServletRequest request, int status) {
		audit.recordDenied(request, status, Caller.of(request));
	}
}
