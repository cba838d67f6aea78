package dev.recourse.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Optional;

/** Requests to the FHIR base: JSON both ways, and the bearer token on every one when there is a token. */
final class Requests {
	private static final String JSON = "application/fhir+json";
	private final String base;
	private final Optional<String> bearer;

	Requests(String base, Optional<String> bearer) {
		this.base = base;
		this.bearer = bearer;
	}

	HttpRequest get(String path) {
		return builder(path).GET().build();
	}

	HttpRequest post(String path, String body) {
		return builder(path).header("Content-Type", JSON).POST(HttpRequest.BodyPublishers.ofString(body)).build();
	}

	HttpRequest put(String path, String body) {
		return builder(path).header("Content-Type", JSON).PUT(HttpRequest.BodyPublishers.ofString(body)).build();
	}

	HttpRequest delete(String path) {
		return builder(path).DELETE().build();
	}

	private HttpRequest.Builder builder(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", JSON);
		bearer.ifPresent(token -> builder.header("Authorization", "Bearer " + token));
		return builder;
	}
}
