package dev.recourse.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The packet benchmark's timed requests, over plain {@link HttpClient} (HTTP/1.1, one kept-alive connection): the
 * clock runs from sending the request to having the whole body, as in {@link CriteriaCalls}; parsing the answer
 * comes after. Anything but a 2xx stops the run with the server's answer.
 */
final class PacketCalls {
	static final String EMPTY_PARAMETERS = "{\"resourceType\":\"Parameters\"}";
	private static final String FHIR_JSON = "application/fhir+json";
	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();
	private final String fhirBase;

	/**
	 * One request as the driver saw it.
	 *
	 * @param millis request sent → body read
	 */
	record Call(double millis, int status, String body) {}

	PacketCalls(String fhirBase) {
		this.fhirBase = fhirBase;
	}

	Call post(String path, String body, String token) throws IOException, InterruptedException {
		return send(path, "POST", body, token);
	}

	Call put(String path, String body, String token) throws IOException, InterruptedException {
		return send(path, "PUT", body, token);
	}

	private Call send(String path, String method, String body, String token) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(fhirBase + path))
				.timeout(Duration.ofSeconds(180))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", FHIR_JSON)
				.header("Accept", FHIR_JSON)
				.method(method, HttpRequest.BodyPublishers.ofString(body)).build();
		long started = System.nanoTime();
		HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
		double millis = (System.nanoTime() - started) / 1e6;
		if (answer.statusCode() / 100 != 2) {
			throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
		}
		return new Call(millis, answer.statusCode(), answer.body());
	}
}
