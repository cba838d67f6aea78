package dev.recourse.demo;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo's clients at the development issuer ({@code recourse.demo.*} in {@code demo/demo-settings.yaml}).
 *
 * @param baseUrl how this server reaches itself, e.g. {@code http://localhost:8080}
 * @param provider our own SMART Backend Services client: the demo EHR and the demo payer take its tokens
 * @param reviewer the demo payer's reviewer, who decides the requests it receives
 */
@ConfigurationProperties("recourse.demo")
record DemoClientProperties(String baseUrl, Provider provider, Reviewer reviewer) {

	DemoClientProperties {
		baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
		provider = provider == null ? new Provider(null, null, null) : provider;
		reviewer = reviewer == null ? new Reviewer(null, null, null) : reviewer;
	}

	/** @param keyAlias the signing key in {@code recourse.ehr.keystore}, also its {@code kid} */
	record Provider(String clientId, String keyAlias, List<String> scopes) {
		Provider {
			scopes = scopes == null ? List.of() : List.copyOf(scopes);
		}
	}

	record Reviewer(String clientId, String clientSecret, List<String> scopes) {
		Reviewer {
			scopes = scopes == null ? List.of() : List.copyOf(scopes);
		}
	}
}
