package dev.recourse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The timed {@code POST Task/[id]/$map-criteria} call, with the policy named, over plain {@link HttpClient}: the
 * clock runs from sending the request to having the whole body, so it measures the server and loopback, not the
 * driver's parsing. The answer is read afterwards for what the map found (how many criteria met, not met,
 * unknown; how many evidence references), to show the evaluation did real work.
 */
final class CriteriaCalls {
	static final String POLICY_BASE = "http://recourse.dev/fhir/Questionnaire/";
	private static final String STATUS = "http://recourse.dev/fhir/StructureDefinition/criterion-status";
	private static final String EVIDENCE = "http://recourse.dev/fhir/StructureDefinition/evidence";
	private static final ObjectMapper JSON = new ObjectMapper();
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final String fhirBase;
	private final String token;

	/**
	 * One call as the driver saw it.
	 *
	 * @param millis request sent → body read
	 * @param statuses criteria per status code (met, not-met, unknown)
	 * @param evidence evidence references in the map
	 */
	record MapCall(double millis, int httpStatus, Map<String, Integer> statuses, int evidence) {}

	CriteriaCalls(String fhirBase, String token) {
		this.fhirBase = fhirBase;
		this.token = token;
	}

	MapCall map(String caseId, String policyId) throws IOException, InterruptedException {
		String body = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"policy\",\"valueCanonical\":\""
				+ POLICY_BASE + policyId + "\"}]}";
		HttpRequest request = HttpRequest.newBuilder(URI.create(fhirBase + "/Task/" + caseId + "/$map-criteria"))
				.timeout(Duration.ofSeconds(60))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/fhir+json")
				.header("Accept", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build();
		long started = System.nanoTime();
		HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
		double millis = (System.nanoTime() - started) / 1e6;
		if (answer.statusCode() != 200) {
			throw new IllegalStateException("$map-criteria of Task/" + caseId + " with " + policyId + " answered "
					+ answer.statusCode() + ": " + answer.body());
		}
		Map<String, Integer> statuses = new TreeMap<>();
		int[] evidence = {0};
		walk(JSON.readTree(answer.body()), statuses, evidence);
		return new MapCall(millis, answer.statusCode(), statuses, evidence[0]);
	}

	/** Counts a map's criteria per status and its evidence references (the packet benchmark reads its maps with it too). */
	static void walk(JsonNode node, Map<String, Integer> statuses, int[] evidence) {
		if (node.isObject()) {
			String url = node.path("url").asText("");
			if (url.equals(STATUS)) {
				statuses.merge(node.path("valueCodeableConcept").path("coding").path(0).path("code").asText("?"), 1, Integer::sum);
			} else if (url.equals(EVIDENCE)) {
				evidence[0]++;
			}
		}
		node.forEach(child -> walk(child, statuses, evidence));
	}
}
