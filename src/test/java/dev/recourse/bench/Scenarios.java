package dev.recourse.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's scenarios against one server. Each later feature adds its own here. The Observation ones
 * are full CRUD on a patient-compartment resource (what authorization narrows and the audit trail records);
 * the ids they read, update and delete come from an {@link ObservationFixture} made before.
 */
final class Scenarios {
	/** Requests per scenario ({@code $validate}: a tenth); {@code BENCH_REQUESTS} makes a quick smoke run. */
	static final int REQUESTS = Integer.parseInt(System.getenv().getOrDefault("BENCH_REQUESTS", "2000"));
	static final int[] CONCURRENCY = {1, 8};
	private final Requests requests;
	private final ObservationFixture observations;
	private final String triageBody;
	private final String denial;

	Scenarios(Requests requests, ObservationFixture observations) {
		this.requests = requests;
		this.observations = observations;
		this.triageBody = triageBody();
		this.denial = resource("/profiles/ClaimResponse-ocrevus-offlabel.json");
	}

	/** The delete scenarios, one per concurrency: how many Observations the fixture must make for them. */
	static int deleteScenarios() {
		return CONCURRENCY.length;
	}

	/** Run before the set-up and the scenarios; not reported. */
	static Scenario warmUp(Requests requests) {
		return new Scenario("warm-up (not reported)", 200, 4, i -> requests.post("/Patient", patientBody(i)));
	}

	List<Scenario> all() {
		List<Scenario> scenarios = new ArrayList<>();
		for (int c = 0; c < CONCURRENCY.length; c++) {
			int concurrency = CONCURRENCY[c];
			List<String> deletable = observations.deletable().get(c);
			scenarios.add(new Scenario("create Patient", REQUESTS, concurrency, this::createPatient));
			scenarios.add(new Scenario("search Patient?family=", REQUESTS, concurrency, this::searchPatient));
			scenarios.add(new Scenario("ClaimResponse/$triage", REQUESTS, concurrency,
					i -> requests.post("/ClaimResponse/$triage", triageBody)));
			scenarios.add(new Scenario("create Observation", REQUESTS, concurrency, this::createObservation));
			scenarios.add(new Scenario("read Observation/{id}", REQUESTS, concurrency,
					i -> requests.get("/Observation/" + shared(i))));
			scenarios.add(new Scenario("update Observation/{id}", REQUESTS, concurrency, this::updateObservation));
			scenarios.add(new Scenario("search Observation?patient=", REQUESTS, concurrency,
					i -> requests.get("/Observation?patient=Patient/" + patientId(i) + "&_count=10")));
			scenarios.add(new Scenario("delete Observation/{id}", deletable.size(), concurrency,
					i -> requests.delete("/Observation/" + deletable.get(i))));
		}
		scenarios.add(new Scenario("ClaimResponse/$validate (recourse-denial)", REQUESTS / 10, 1, i -> requests.post(
				"/ClaimResponse/$validate?profile=http://recourse.dev/fhir/StructureDefinition/recourse-denial", denial)));
		return scenarios;
	}

	private HttpRequest createPatient(int i) {
		return requests.post("/Patient", patientBody(i));
	}

	private static String patientBody(int i) {
		return "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Bench" + (i % 50)
				+ "\",\"given\":[\"P" + i + "\"]}],\"gender\":\"female\",\"birthDate\":\"1970-01-01\"}";
	}

	private HttpRequest searchPatient(int i) {
		return requests.get("/Patient?family=Bench" + (i % 50) + "&_count=10");
	}

	private HttpRequest createObservation(int i) {
		return requests.post("/Observation", ObservationFixture.observation(null, patientId(i), 50 + i % 100));
	}

	/**
	 * Each update sets 1000 + i, never the value the id holds (the set-up stored 50–149; the id's previous
	 * update had another i), so the server stores a new version: an identical body is a no-op. Round robin over
	 * {@value ObservationFixture#SHARED} ids: the 8 requests in flight never share one.
	 */
	private HttpRequest updateObservation(int i) {
		String id = shared(i);
		return requests.put("/Observation/" + id, ObservationFixture.observation(id, patientOfShared(i), 1000 + i));
	}

	private String shared(int i) {
		return observations.shared().get(i % observations.shared().size());
	}

	/** The patient a shared Observation was made for: the fixture assigns them round robin too. */
	private String patientOfShared(int i) {
		return patientId(i % observations.shared().size());
	}

	private String patientId(int i) {
		return observations.patients().get(i % observations.patients().size());
	}

	private static String triageBody() {
		return "{\"resourceType\":\"Parameters\",\"parameter\":["
				+ "{\"name\":\"denial\",\"resource\":" + resource("/profiles/ClaimResponse-ocrevus-offlabel.json") + "},"
				+ "{\"name\":\"coverage\",\"resource\":" + resource("/profiles/Coverage-maya-coverage.json") + "},"
				+ "{\"name\":\"letterText\",\"valueString\":\"Ocrevus is not FDA-approved for this use.\"}]}";
	}

	private static String resource(String path) {
		try (InputStream in = Scenarios.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + path + " on the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
