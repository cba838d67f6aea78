package dev.recourse.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.MethodOutcome;
import dev.recourse.support.FhirIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** The plain FHIR REST API an EHR integrator expects: create, read, versioned update, paging. */
class ResourceApiIT extends FhirIntegrationTest {
	private static final String MARKER_SYSTEM = "urn:recourse:test";

	@Test
	void createReadUpdate_tracksVersionsWithEtags() throws Exception {
		MethodOutcome created = client.create().resource(patient("Ada")).execute();
		String id = created.getId().getIdPart();

		HttpResponse<String> read = send(fhirRequest("/Patient/" + id).GET());
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.headers().firstValue("ETag")).contains("W/\"1\"");

		HttpResponse<String> update = send(fhirRequest("/Patient/" + id)
				.header("Content-Type", FHIR_JSON)
				.header("If-Match", "W/\"1\"")
				.PUT(HttpRequest.BodyPublishers.ofString(json(id, "Ada Lovelace"))));
		assertThat(update.statusCode()).isEqualTo(200);
		assertThat(update.headers().firstValue("ETag")).contains("W/\"2\"");
	}

	@Test
	void search_pagesThroughEveryMatchWithNextLinks() {
		String batch = UUID.randomUUID().toString();
		for (int i = 0; i < 23; i++) {
			client.create().resource(patient("Page" + i).addIdentifier(new org.hl7.fhir.r4.model.Identifier()
					.setSystem(MARKER_SYSTEM + ":batch").setValue(batch))).execute();
		}

		Bundle page = client.search().forResource(Patient.class)
				.where(Patient.IDENTIFIER.exactly().systemAndCode(MARKER_SYSTEM + ":batch", batch))
				.count(10)
				.returnBundle(Bundle.class)
				.execute();
		List<String> seen = new ArrayList<>();
		int pages = 0;
		while (page != null) {
			pages++;
			page.getEntry().forEach(e -> seen.add(e.getResource().getIdElement().getIdPart()));
			page = page.getLink(Bundle.LINK_NEXT) == null ? null : client.loadPage().next(page).execute();
		}

		assertThat(pages).isEqualTo(3);
		assertThat(seen).hasSize(23).doesNotHaveDuplicates();
	}

	private String json(String id, String family) {
		Patient patient = patient(family);
		patient.setId(id);
		return fhirContext.newJsonParser().encodeResourceToString(patient);
	}

	private static Patient patient(String family) {
		Patient patient = new Patient();
		patient.addName().setFamily(family);
		return patient;
	}
}
