package dev.recourse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The data the Observation scenarios need ids of, made before anything is measured: patients, Observations
 * to read and update (round robin), and one Observation per delete request. Made with transactions of
 * {@value #PER_TRANSACTION} creates; none of this is reported.
 *
 * @param patients Patient ids the Observations belong to
 * @param shared Observations read and updated
 * @param deletable one list per delete scenario, one id per request
 */
record ObservationFixture(List<String> patients, List<String> shared, List<List<String>> deletable) {
	static final int PATIENTS = 20;
	static final int SHARED = 500;
	private static final int PER_TRANSACTION = 100;
	private static final ObjectMapper JSON = new ObjectMapper();

	static ObservationFixture create(HttpClient http, Requests requests, int deleteScenarios, int deletesEach)
			throws IOException, InterruptedException {
		List<String> patients = new ArrayList<>();
		for (int i = 0; i < PATIENTS; i++) {
			patients.add(send(http, requests, List.of(patient(i)), "Patient").get(0));
		}
		List<String> shared = createObservations(http, requests, patients, SHARED);
		List<List<String>> deletable = new ArrayList<>();
		for (int s = 0; s < deleteScenarios; s++) {
			deletable.add(createObservations(http, requests, patients, deletesEach));
		}
		return new ObservationFixture(List.copyOf(patients), shared, List.copyOf(deletable));
	}

	/** A heart rate of one of the patients; {@code id} null for a create. */
	static String observation(String id, String patient, int value) {
		return "{\"resourceType\":\"Observation\"," + (id == null ? "" : "\"id\":\"" + id + "\",")
				+ "\"status\":\"final\",\"category\":[{\"coding\":[{\"system\":"
				+ "\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"vital-signs\"}]}],"
				+ "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8867-4\",\"display\":\"Heart rate\"}]},"
				+ "\"subject\":{\"reference\":\"Patient/" + patient + "\"},"
				+ "\"effectiveDateTime\":\"2026-01-01T10:00:00Z\","
				+ "\"valueQuantity\":{\"value\":" + value + ",\"unit\":\"/min\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"/min\"}}";
	}

	private static String patient(int i) {
		return "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"ObsBench\",\"given\":[\"P" + i + "\"]}],"
				+ "\"gender\":\"male\",\"birthDate\":\"1960-01-01\"}";
	}

	private static List<String> createObservations(HttpClient http, Requests requests, List<String> patients, int count)
			throws IOException, InterruptedException {
		List<String> ids = new ArrayList<>();
		while (ids.size() < count) {
			List<String> batch = new ArrayList<>();
			for (int i = ids.size(); i < Math.min(count, ids.size() + PER_TRANSACTION); i++) {
				batch.add(observation(null, patients.get(i % patients.size()), 50 + i % 100));
			}
			ids.addAll(send(http, requests, batch, "Observation"));
		}
		return List.copyOf(ids);
	}

	/** One transaction creating the resources; answers their server-assigned ids in order. */
	private static List<String> send(HttpClient http, Requests requests, List<String> resources, String type)
			throws IOException, InterruptedException {
		StringBuilder bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
		for (int i = 0; i < resources.size(); i++) {
			bundle.append(i == 0 ? "" : ",").append("{\"resource\":").append(resources.get(i))
					.append(",\"request\":{\"method\":\"POST\",\"url\":\"").append(type).append("\"}}");
		}
		bundle.append("]}");
		HttpResponse<String> response = http.send(requests.post("", bundle.toString()), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("set-up transaction answered " + response.statusCode() + ": " + response.body());
		}
		List<String> ids = new ArrayList<>();
		for (JsonNode entry : JSON.readTree(response.body()).path("entry")) {
			// location: Observation/123/_history/1
			ids.add(entry.path("response").path("location").asText().split("/")[1]);
		}
		if (ids.size() != resources.size()) {
			throw new IllegalStateException("set-up transaction created " + ids.size() + " of " + resources.size());
		}
		return ids;
	}
}
