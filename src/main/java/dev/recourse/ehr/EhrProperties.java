package dev.recourse.ehr;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the EHR connection ({@code recourse.ehr.*}).
 *
 * @param endpoints EHRs registered at start-up as Endpoint resources
 * @param defaultEndpoint id of the Endpoint {@code $pull-history} uses when the caller names none
 * @param pageSize {@code _count} asked of the EHR
 * @param parallelism how many resource types are fetched at once per pull
 * @param inlineAttachmentMaxBytes attachments up to this size are copied into our store; larger ones stay a link
 * @param maxResources a pull stops (with a warning) past this many resources, so one odd chart cannot fill the store
 * @param http timeouts of one EHR call
 * @param resilience retries and the circuit breaker per endpoint
 */
@ConfigurationProperties("recourse.ehr")
public record EhrProperties(List<ConfiguredEndpoint> endpoints, String defaultEndpoint, int pageSize, int parallelism,
		int inlineAttachmentMaxBytes, int maxResources, Http http, Resilience resilience) {

	public EhrProperties {
		endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
		defaultEndpoint = defaultEndpoint == null ? "" : defaultEndpoint;
		pageSize = pageSize > 0 ? pageSize : 200;
		parallelism = parallelism > 0 ? parallelism : 4;
		inlineAttachmentMaxBytes = inlineAttachmentMaxBytes > 0 ? inlineAttachmentMaxBytes : 256 * 1024;
		maxResources = maxResources > 0 ? maxResources : 20_000;
		http = http == null ? new Http(null, null) : http;
		resilience = resilience == null ? new Resilience(0, null, null, null, 0, 0, null) : resilience;
	}

	/**
	 * An EHR known from configuration.
	 *
	 * @param id the Endpoint resource's id
	 * @param name shown to specialists
	 * @param address FHIR base URL; must lie under {@code recourse.security.outbound-allowed-urls}
	 * @param clientId SMART Backend Services client id; blank: the EHR asks for no token
	 * @param scope scopes asked for
	 * @param keyAlias signing key in {@code recourse.ehr.keystore}
	 * @param tokenEndpoint blank: discovered from the EHR's {@code .well-known/smart-configuration}
	 */
	public record ConfiguredEndpoint(String id, String name, String address, String clientId, String scope, String keyAlias,
			String tokenEndpoint) {
	}

	/**
	 * @param connectTimeout to open a connection
	 * @param readTimeout between bytes of an answer; a slower EHR counts as failed for that call
	 */
	public record Http(Duration connectTimeout, Duration readTimeout) {
		public Http {
			connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
			readTimeout = readTimeout == null ? Duration.ofSeconds(20) : readTimeout;
		}
	}

	/**
	 * @param maxAttempts calls per request, the first included
	 * @param initialBackoff wait before the first retry; doubles each time, with ±50 % jitter
	 * @param maxBackoff the longest wait between attempts
	 * @param maxRetryAfter the longest 429 {@code Retry-After} honoured; longer asks fail the request instead
	 * @param failureRatePercent failure rate over the window that opens an endpoint's circuit
	 * @param window how many recent calls the failure rate is taken over
	 * @param openFor how long an open circuit refuses calls before letting a few through
	 */
	public record Resilience(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
			int failureRatePercent, int window, Duration openFor) {
		public Resilience {
			maxAttempts = maxAttempts > 0 ? maxAttempts : 4;
			initialBackoff = initialBackoff == null ? Duration.ofMillis(200) : initialBackoff;
			maxBackoff = maxBackoff == null ? Duration.ofSeconds(5) : maxBackoff;
			maxRetryAfter = maxRetryAfter == null ? Duration.ofSeconds(30) : maxRetryAfter;
			failureRatePercent = failureRatePercent > 0 ? failureRatePercent : 50;
			window = window > 0 ? window : 20;
			openFor = openFor == null ? Duration.ofSeconds(30) : openFor;
		}
	}
}
