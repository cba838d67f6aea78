package dev.recourse.support;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** Access tokens for the three kinds of client, minted by the {@link TestTokenIssuer} for one server. */
public final class TestTokens {
	public static final String EHR_CLIENT = "test-ehr";
	public static final String APP_CLIENT = "test-smart-app";
	public static final String PAYER_CLIENT = "test-payer";

	private final TestTokenIssuer issuer;
	private final String audience;

	public TestTokens(TestTokenIssuer issuer, String audience) {
		this.issuer = issuer;
		this.audience = audience;
	}

	/** A backend service (SMART Backend Services), e.g. the EHR. */
	public String system(String... scopes) {
		return jwt(claims -> claims.putAll(Map.of("client_id", EHR_CLIENT, "sub", EHR_CLIENT, "scope", String.join(" ", scopes))));
	}

	/** A registered payer's backend client. */
	public String payer(String... scopes) {
		return jwt(claims -> claims.putAll(Map.of("client_id", PAYER_CLIENT, "sub", PAYER_CLIENT, "scope", String.join(" ", scopes))));
	}

	/** The SMART app launched for one patient. */
	public String patient(String patientId, String... scopes) {
		return jwt(claims -> claims.putAll(Map.of(
				"client_id", APP_CLIENT, "sub", "specialist-1", "fhirUser", "Practitioner/specialist-1",
				"patient", patientId, "scope", String.join(" ", scopes))));
	}

	/** The SMART app acting for a user, without a patient context. */
	public String user(String fhirUser, String... scopes) {
		return jwt(claims -> claims.putAll(Map.of(
				"client_id", APP_CLIENT, "sub", fhirUser, "fhirUser", fhirUser, "scope", String.join(" ", scopes))));
	}

	/** A JWT with the usual claims, changed as the test needs (remove or replace any of them). */
	public String jwt(Consumer<Map<String, Object>> change) {
		return issuer.sign(claims(change));
	}

	public String withStrangerKey(Consumer<Map<String, Object>> change) {
		return issuer.signWithStrangerKey(claims(change));
	}

	public String opaque(Consumer<Map<String, Object>> change) {
		return issuer.opaque(claims(change));
	}

	private Map<String, Object> claims(Consumer<Map<String, Object>> change) {
		Instant now = Instant.now();
		Map<String, Object> claims = new HashMap<>();
		claims.put("iss", issuer.url());
		claims.put("aud", audience);
		claims.put("iat", now);
		claims.put("exp", now.plus(Duration.ofMinutes(10)));
		claims.put("jti", UUID.randomUUID().toString());
		claims.put("client_id", EHR_CLIENT);
		claims.put("sub", EHR_CLIENT);
		claims.put("scope", "system/*.cruds");
		change.accept(claims);
		return claims;
	}
}
