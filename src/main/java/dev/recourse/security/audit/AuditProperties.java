package dev.recourse.security.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail's settings ({@code recourse.security.audit.*}).
 *
 * @param enabled record an AuditEvent for every access to patient data; off only to measure what auditing costs
 */
@ConfigurationProperties("recourse.security.audit")
public record AuditProperties(@DefaultValue("true") boolean enabled) {
	/** The property the audit interceptors are conditional on. */
	static final String ENABLED = "recourse.security.audit.enabled";
}
