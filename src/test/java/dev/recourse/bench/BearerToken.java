package dev.recourse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The driver's access token: when the server advertises a {@code token_endpoint} in
 * {@code .well-known/smart-configuration}, one client_credentials token (the development issuer's lifetime
 * is an hour, longer than a run) sent on every request. A server without one gets no token.
 */
final class BearerToken {
	private static final ObjectMapper JSON = new ObjectMapper();

	private BearerToken() {}

	static Optional<String> fetch(HttpClient http, String base, BenchSettings.Client client)
			throws IOException, InterruptedException {
		HttpResponse<String> smart = http.send(
				HttpRequest.newBuilder(URI.create(base + "/.well-known/smart-configuration")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (smart.statusCode() != 200) {
			return Optional.empty();
		}
		JsonNode endpoint = JSON.readTree(smart.body()).path("token_endpoint");
		if (!endpoint.isTextual()) {
			return Optional.empty();
		}
		String basic = Base64.getEncoder()
				.encodeToString((client.id() + ":" + client.secret()).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> token = http.send(
				HttpRequest.newBuilder(URI.create(endpoint.asText()))
						.header("Authorization", "Basic " + basic)
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
								+ URLEncoder.encode(client.scope(), StandardCharsets.UTF_8)))
						.build(),
				HttpResponse.BodyHandlers.ofString());
		if (token.statusCode() != 200) {
			throw new IllegalStateException("token endpoint " + endpoint.asText() + " answered " + token.statusCode()
					+ ": " + token.body());
		}
		return Optional.of(JSON.readTree(token.body()).path("access_token").asText());
	}
}
