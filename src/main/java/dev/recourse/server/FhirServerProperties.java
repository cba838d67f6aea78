package dev.recourse.server;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the FHIR endpoint.
 *
 * @param expungeEnabled whether {@code $expunge} is available (tests and demos wipe data with it)
 * @param serverAddress fixed base URL for links in responses; blank means taken from the request
 */
@ConfigurationProperties("recourse.fhir")
public record FhirServerProperties(boolean expungeEnabled, String serverAddress) {

	public FhirServerProperties {
		serverAddress = serverAddress == null ? "" : serverAddress.strip();
	}
}
