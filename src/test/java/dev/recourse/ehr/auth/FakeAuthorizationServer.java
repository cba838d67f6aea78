package dev.recourse.ehr.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An EHR's authorization side on a random local port: {@code /fhir/.well-known/smart-configuration} and a
 * {@code /token} endpoint that checks each client assertion the way a SMART server must (signature with the
 * registered public key, alg, iss = sub = client id, aud = its own URL, a lifetime of at most five minutes,
 * a jti never seen before) and answers {@code invalid_client} otherwise. {@code /fhir/redirect} sends
 * callers on to {@code /token}.
 */
final class FakeAuthorizationServer implements AutoCloseable {
	static final String CLIENT_ID = "recourse-at-ehr";
	static final String SCOPE = "system/Patient.rs system/Condition.rs";
	private static final String REGISTERED_KEYS = "/ehr/ehr-client.p12";

	final List<String> paths = new CopyOnWriteArrayList<>();
	final List<String> assertions = new CopyOnWriteArrayList<>();
	final List<JWSAlgorithm> algorithms = new CopyOnWriteArrayList<>();
	final AtomicInteger tokensIssued = new AtomicInteger();
	volatile String discoveryBody;
	volatile String tokenBodyTemplate = "{\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":300}";
	volatile Duration tokenDelay = Duration.ZERO;

	private final Map<String, PublicKey> registered = publicKeys();
	private final Set<String> seenJtis = ConcurrentHashMap.newKeySet();
	private final HttpServer server;
	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	FakeAuthorizationServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::handle);
		server.setExecutor(executor);
		server.start();
		discoveryBody = "{\"token_endpoint\":\"" + tokenUrl() + "\",\"capabilities\":[\"client-confidential-asymmetric\"]}";
	}

	String origin() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	String fhirBase() {
		return origin() + "/fhir";
	}

	String tokenUrl() {
		return origin() + "/token";
	}

	long requestsTo(String path) {
		return paths.stream().filter(path::equals).count();
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		paths.add(path);
		try (exchange) {
			switch (path) {
				case "/fhir/.well-known/smart-configuration" -> send(exchange, 200, discoveryBody);
				case "/token" -> token(exchange);
				case "/fhir/redirect" -> {
					exchange.getResponseHeaders().add("Location", tokenUrl());
					exchange.sendResponseHeaders(302, -1);
				}
				default -> send(exchange, 404, "{\"error\":\"not found\"}");
			}
		}
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> form = form(exchange.getRequestBody());
		String assertion = form.getOrDefault("client_assertion", "");
		assertions.add(assertion);
		String problem = problem(form, assertion);
		if (problem != null) {
			// Echoes the assertion back, as careless servers do, so the client's redaction is tested too.
			send(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"" + problem + " in " + assertion + "\"}");
			return;
		}
		pause();
		send(exchange, 200, tokenBodyTemplate.formatted("token-" + tokensIssued.incrementAndGet()));
	}

	private String problem(Map<String, String> form, String assertion) {
		if (!"client_credentials".equals(form.get("grant_type")) || !SCOPE.equals(form.get("scope"))
				|| !ClientAssertion.TYPE.equals(form.get("client_assertion_type"))) {
			return "bad form " + form.keySet();
		}
		try {
			SignedJWT jwt = SignedJWT.parse(assertion);
			JWSHeader header = jwt.getHeader();
			algorithms.add(header.getAlgorithm());
			PublicKey key = registered.get(header.getKeyID());
			if (key == null || !JOSEObjectType.JWT.equals(header.getType())) {
				return "unknown kid or typ";
			}
			if (!jwt.verify(verifier(header.getAlgorithm(), key))) {
				return "signature invalid";
			}
			return claimsProblem(jwt.getJWTClaimsSet());
		} catch (Exception e) {
			return "unreadable assertion: " + e.getClass().getSimpleName();
		}
	}

	private String claimsProblem(JWTClaimsSet claims) {
		if (!CLIENT_ID.equals(claims.getIssuer()) || !CLIENT_ID.equals(claims.getSubject())) {
			return "iss/sub";
		}
		if (!List.of(tokenUrl()).equals(claims.getAudience())) {
			return "aud";
		}
		long lifetime = claims.getExpirationTime().getTime() - claims.getIssueTime().getTime();
		if (lifetime <= 0 || lifetime > 300_000) {
			return "exp more than five minutes after iat";
		}
		if (claims.getJWTID() == null || !seenJtis.add(claims.getJWTID())) {
			return "jti missing or reused";
		}
		return null;
	}

	private static JWSVerifier verifier(JWSAlgorithm algorithm, PublicKey key) throws Exception {
		if (JWSAlgorithm.RS384.equals(algorithm) && key instanceof RSAPublicKey rsa) {
			return new RSASSAVerifier(rsa);
		}
		if (JWSAlgorithm.ES384.equals(algorithm) && key instanceof ECPublicKey ec) {
			return new ECDSAVerifier(ec);
		}
		throw new IllegalArgumentException("alg " + algorithm + " does not fit the registered key");
	}

	private void pause() {
		try {
			Thread.sleep(tokenDelay.toMillis());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	private static Map<String, String> form(InputStream body) throws IOException {
		Map<String, String> form = new HashMap<>();
		for (String pair : new String(body.readAllBytes(), StandardCharsets.UTF_8).split("&")) {
			String[] nameAndValue = pair.split("=", 2);
			form.put(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
					nameAndValue.length < 2 ? "" : URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
		}
		return form;
	}

	/** The public halves of the keys the EHR registered for us: the certificates in the test keystore. */
	private static Map<String, PublicKey> publicKeys() {
		try (InputStream in = FakeAuthorizationServer.class.getResourceAsStream(REGISTERED_KEYS)) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, SigningKeysTest.PASSWORD.toCharArray());
			Map<String, PublicKey> keys = new HashMap<>();
			for (String alias : Collections.list(store.aliases())) {
				keys.put(alias, store.getCertificate(alias).getPublicKey());
			}
			return keys;
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
