package dev.recourse.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's scenarios against one server. Each later feature adds its own here. */
final class Scenarios {
	static final int REQUESTS = 2000;
	private static final String JSON = "application/fhir+json";
	private final String base;
	private final String triageBody;
	private final String denial;

	Scenarios(String base) {
		this.base = base;
		this.triageBody = triageBody();
		this.denial = resource("/profiles/ClaimResponse-ocrevus-offlabel.json");
	}

	Scenario warmUp() {
		return new Scenario("warm-up (not reported)", 200, 4, i -> createPatient(i));
	}

	List<Scenario> all() {
		List<Scenario> scenarios = new ArrayList<>();
		for (int concurrency : new int[] {1, 8}) {
			scenarios.add(new Scenario("create Patient", REQUESTS, concurrency, this::createPatient));
			scenarios.add(new Scenario("search Patient?family=", REQUESTS, concurrency, this::searchPatient));
			scenarios.add(new Scenario("ClaimResponse/$triage", REQUESTS, concurrency, i -> post("/ClaimResponse/$triage", triageBody)));
		}
		scenarios.add(new Scenario("ClaimResponse/$validate (recourse-denial)", 200, 1, i -> post(
				"/ClaimResponse/$validate?profile=http://recourse.dev/fhir/StructureDefinition/recourse-denial", denial)));
		return scenarios;
	}

	private HttpRequest createPatient(int i) {
		return post("/Patient", "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Bench" + (i % 50)
				+ "\",\"given\":[\"P" + i + "\"]}],\"gender\":\"female\",\"birthDate\":\"1970-01-01\"}");
	}

	private HttpRequest searchPatient(int i) {
		return HttpRequest.newBuilder(URI.create(base + "/Patient?family=Bench" + (i % 50) + "&_count=10"))
				.header("Accept", JSON).GET().build();
	}

	private HttpRequest post(String path, String body) {
		return HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", JSON).header("Accept", JSON)
				.POST(HttpRequest.BodyPublishers.ofString(body)).build();
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
