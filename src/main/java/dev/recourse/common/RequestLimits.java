package dev.recourse.common;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on what one request may ask of the server.
 *
 * @param defaultPageSize search page size when the client gives no {@code _count}
 * @param maxPageSize the largest {@code _count} accepted; more is refused, not silently cut
 * @param maxRequestBytes the largest request body accepted, in bytes
 */
@ConfigurationProperties("recourse.limits")
public record RequestLimits(int defaultPageSize, int maxPageSize, long maxRequestBytes) {

	public RequestLimits {
		defaultPageSize = defaultPageSize > 0 ? defaultPageSize : 20;
		maxPageSize = maxPageSize > 0 ? maxPageSize : 200;
		maxRequestBytes = maxRequestBytes > 0 ? maxRequestBytes : 10L * 1024 * 1024;
		if (defaultPageSize > maxPageSize) {
			throw new IllegalArgumentException("recourse.limits.default-page-size exceeds max-page-size");
		}
	}
}
