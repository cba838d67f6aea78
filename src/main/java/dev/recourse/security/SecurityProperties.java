package dev.recourse.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How callers are authenticated and what they may reach ({@code recourse.security.*}).
 *
 * @param issuers authorization servers whose signed JWTs are accepted
 * @param introspection an RFC 7662 endpoint for opaque tokens; absent when {@code uri} is blank
 * @param payerClients OAuth client ids registered as payers: only they may call payer operations
 * @param corsAllowedOrigins browser origins allowed to call the API (never {@code *})
 * @param outboundAllowedUrls URL prefixes the server may call out to (Subscription endpoints, peers)
 * @param clockSkew tolerance on {@code exp} and {@code nbf}
 * @param smart what {@code .well-known/smart-configuration} advertises when no development issuer runs
 * @param enforce false turns authentication and authorization off, for the benchmark's comparison only;
 *     honoured only with the development issuer profile, refused everywhere else
 */
@ConfigurationProperties("recourse.security")
public record SecurityProperties(
		List<Issuer> issuers,
		Introspection introspection,
		Set<String> payerClients,
		List<String> corsAllowedOrigins,
		List<String> outboundAllowedUrls,
		Duration clockSkew,
		Smart smart,
		Boolean enforce) {

	public SecurityProperties {
		issuers = issuers == null ? List.of() : List.copyOf(issuers);
		introspection = introspection == null ? new Introspection("", "", "") : introspection;
		payerClients = payerClients == null ? Set.of() : Set.copyOf(payerClients);
		corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
		outboundAllowedUrls = outboundAllowedUrls == null ? List.of() : List.copyOf(outboundAllowedUrls);
		clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
		smart = smart == null ? new Smart("", "", "", "", "") : smart;
		enforce = enforce == null || enforce;
	}

	public boolean enforced() {
		return enforce;
	}

	/**
	 * @param issuer the exact {@code iss} value
	 * @param jwkSetUri where its signing keys are published
	 * @param audiences accepted {@code aud} values; empty means this server's FHIR base URL
	 */
	public record Issuer(String issuer, String jwkSetUri, List<String> audiences) {
		public Issuer {
			audiences = audiences == null ? List.of() : List.copyOf(audiences);
		}
	}

	public record Introspection(String uri, String clientId, String clientSecret) {
		public boolean configured() {
			return uri != null && !uri.isBlank();
		}
	}

	/** Endpoints of an external authorization server, advertised to SMART clients. */
	public record Smart(
			String issuer,
			String authorizationEndpoint,
			String tokenEndpoint,
			String jwksUri,
			String introspectionEndpoint) {}
}
