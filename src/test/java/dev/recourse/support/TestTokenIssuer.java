package dev.recourse.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.recourse.ehr.fake.ClientAssertionCheck;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real token issuer for the tests, on its own port: it signs JWTs with an RSA key, publishes the public
 * key at {@code /jwks} and answers RFC 7662 introspection at {@code /introspect} for the opaque tokens it
 * hands out. The server under test trusts it through configuration, as it would trust an EHR's. Backend services
 * registered with {@link #registerClient} get tokens at {@code /token} by SMART Backend Services (a
 * {@code client_credentials} grant authenticated by a signed client assertion), as a payer's authorization server
 * gives them to a provider's Recourse.
 */
public final class TestTokenIssuer {
	public static final String INTROSPECTION_CLIENT = "recourse-resource-server";
	public static final String INTROSPECTION_SECRET = "introspection-secret";
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final long TOKEN_SECONDS = 300;

	private final HttpServer server;
	private final RSAKey key;
	private final RSAKey strangerKey;
	private final Map<String, Map<String, Object>> opaqueTokens = new ConcurrentHashMap<>();
	private final Map<String, RegisteredClient> clients = new ConcurrentHashMap<>();

	/** A backend service allowed the token endpoint: its assertions' check and the audience of its tokens. */
	private record RegisteredClient(ClientAssertionCheck assertions, String audience) {
	}

	private TestTokenIssuer(HttpServer server, RSAKey key, RSAKey strangerKey) {
		this.server = server;
		this.key = key;
		this.strangerKey = strangerKey;
	}

	public static TestTokenIssuer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			TestTokenIssuer issuer = new TestTokenIssuer(server, newKey(), newKey());
			server.createContext("/jwks", issuer::jwks);
			server.createContext("/introspect", issuer::introspect);
			server.createContext("/token", issuer::token);
			server.start();
			return issuer;
		} catch (IOException | JOSEException e) {
			throw new IllegalStateException("cannot start the test token issuer", e);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public String jwksUrl() {
		return url() + "/jwks";
	}

	public String introspectionUrl() {
		return url() + "/introspect";
	}

	public String tokenUrl() {
		return url() + "/token";
	}

	/**
	 * Lets a backend service get tokens at {@link #tokenUrl()}: its client assertions must be signed by one of these
	 * keys, and the tokens it gets name {@code audience} (the FHIR base URL of the server it calls) in {@code aud}.
	 */
	public void registerClient(String clientId, JWKSet publicKeys, String audience) {
		clients.put(clientId, new RegisteredClient(new ClientAssertionCheck(clientId, publicKeys.toPublicJWKSet(), this::tokenUrl), audience));
	}

	/** A JWT signed with the issuer's key, carrying exactly these claims. */
	public String sign(Map<String, Object> claims) {
		return sign(claims, key);
	}

	/** A JWT with the issuer's {@code kid} but signed by a key nobody trusts. */
	public String signWithStrangerKey(Map<String, Object> claims) {
		RSAKey forged = new RSAKey.Builder(strangerKey).keyID(key.getKeyID()).build();
		return sign(claims, forged);
	}

	/** An opaque token the introspection endpoint will vouch for with these claims. */
	public String opaque(Map<String, Object> claims) {
		String token = UUID.randomUUID().toString().replace("-", "");
		opaqueTokens.put(token, Map.copyOf(claims));
		return token;
	}

	private static String sign(Map<String, Object> claims, RSAKey signingKey) {
		try {
			JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
			claims.forEach((name, value) -> builder.claim(name, value instanceof Instant instant ? java.util.Date.from(instant) : value));
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), builder.build());
			jwt.sign(new RSASSASigner(signingKey));
			return jwt.serialize();
		} catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}

	private void jwks(HttpExchange exchange) throws IOException {
		respond(exchange, 200, new JWKSet(key.toPublicJWK()).toJSONObject());
	}

	private void introspect(HttpExchange exchange) throws IOException {
		String expected = "Basic " + Base64.getEncoder().encodeToString(
				(INTROSPECTION_CLIENT + ":" + INTROSPECTION_SECRET).getBytes(StandardCharsets.UTF_8));
		if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			respond(exchange, 401, Map.of("error", "invalid_client"));
			return;
		}
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String token = form(body).getOrDefault("token", "");
		Map<String, Object> claims = opaqueTokens.get(token);
		if (claims == null || expired(claims)) {
			respond(exchange, 200, Map.of("active", false));
			return;
		}
		Map<String, Object> answer = new HashMap<>();
		claims.forEach((name, value) -> answer.put(name, value instanceof Instant instant ? instant.getEpochSecond() : value));
		answer.put("active", true);
		respond(exchange, 200, answer);
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		RegisteredClient client = clients.get(assertedClient(form.getOrDefault("client_assertion", "")));
		if (client == null) {
			respond(exchange, 401, Map.of("error", "invalid_client", "error_description", "the client assertion names no registered client"));
			return;
		}
		var refusal = client.assertions().refusal(form);
		if (refusal.isPresent()) {
			respond(exchange, refusal.get().status(), Map.of("error", refusal.get().error(), "error_description", refusal.get().description()));
			return;
		}
		String clientId = assertedClient(form.get("client_assertion"));
		String scope = form.getOrDefault("scope", "");
		Instant now = Instant.now();
		String token = sign(Map.of("iss", url(), "aud", client.audience(), "client_id", clientId, "sub", clientId, "scope", scope,
				"iat", now, "exp", now.plusSeconds(TOKEN_SECONDS), "jti", UUID.randomUUID().toString()));
		respond(exchange, 200, Map.of("access_token", token, "token_type", "bearer", "expires_in", TOKEN_SECONDS, "scope", scope));
	}

	/** The unverified issuer of a client assertion: only picks the registration whose keys then verify it. */
	private static String assertedClient(String assertion) {
		try {
			return String.valueOf(SignedJWT.parse(assertion).getJWTClaimsSet().getIssuer());
		} catch (ParseException notAJwt) {
			return "";
		}
	}

	private static boolean expired(Map<String, Object> claims) {
		return claims.get("exp") instanceof Instant exp && exp.isBefore(Instant.now());
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new HashMap<>();
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private static RSAKey newKey() throws JOSEException {
		return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
	}
}
