package dev.recourse.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.MethodOutcome;
import dev.recourse.common.RecourseError;
import dev.recourse.support.ErrorProbeProvider;
import dev.recourse.support.FhirIntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every way a request can fail answers with an OperationOutcome that says what and where. */
class ErrorResponsesIT extends FhirIntegrationTest {

	@ParameterizedTest
	@EnumSource(value = RecourseError.class, names = "INTERNAL_ERROR", mode = EnumSource.Mode.EXCLUDE)
	void domainError_hasItsStatusCodeAndElement(RecourseError error) throws Exception {
		HttpResponse<String> response =
				send(fhirRequest("/$probe-error?code=" + error.code() + "&element=Task.focus").GET());

		assertThat(response.statusCode()).isEqualTo(error.httpStatus());
		OperationOutcome.OperationOutcomeIssueComponent issue = issue(response);
		assertThat(issue.getDetails().getCodingFirstRep().getCode()).isEqualTo(error.code());
		assertThat(issue.getDetails().getCodingFirstRep().getSystem()).isEqualTo(RecourseError.SYSTEM);
		assertThat(issue.getExpression()).extracting(Object::toString).containsExactly("Task.focus");
		assertThat(issue.getDiagnostics()).isEqualTo("probe: " + error.code());
	}

	@Test
	void unexpectedFailure_isA500WithRequestIdAndNothingElse() throws Exception {
		HttpResponse<String> response =
				send(fhirRequest("/$probe-crash").header("X-Request-ID", "probe-crash-1").GET());

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body())
				.contains("probe-crash-1", RecourseError.INTERNAL_ERROR.code())
				.doesNotContain(ErrorProbeProvider.SECRET, "IllegalStateException", "at dev.recourse", ".java:");
	}

	@Test
	void malformedJson_is400NamingTheParseError() throws Exception {
		HttpResponse<String> response = send(fhirRequest("/Patient")
				.header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Patient\",")));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(issue(response).getDetails().getCodingFirstRep().getCode()).isEqualTo("invalid-input");
		assertThat(issue(response).getDiagnostics()).contains("Failed to parse");
	}

	@Test
	void unknownElement_is400NamingTheElement() throws Exception {
		HttpResponse<String> response = send(fhirRequest("/Patient")
				.header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Patient\",\"gender\":\"sometimes\"}")));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("sometimes");
	}

	@Test
	void unknownResource_is404() throws Exception {
		HttpResponse<String> response = send(fhirRequest("/Patient/does-not-exist").GET());

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(issue(response).getDetails().getCodingFirstRep().getCode()).isEqualTo("not-found");
	}

	@Test
	void staleIfMatch_is412() throws Exception {
		MethodOutcome created = client.create().resource(new Patient().setActive(true)).execute();
		String id = created.getId().getIdPart();
		String body = "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",\"active\":false}";

		HttpResponse<String> response = send(fhirRequest("/Patient/" + id)
				.header("Content-Type", FHIR_JSON)
				.header("If-Match", "W/\"7\"")
				.PUT(HttpRequest.BodyPublishers.ofString(body)));

		assertThat(response.statusCode()).isEqualTo(412);
		assertThat(issue(response).getDetails().getCodingFirstRep().getCode()).isEqualTo("precondition-failed");
		assertThat(issue(response).getExpression()).extracting(Object::toString).containsExactly("If-Match");
		assertThat(client.read().resource(Patient.class).withId(id).execute().getActive()).isTrue();
	}

	@Test
	void deletingAReferencedResource_is409AndDeletesNothing() throws Exception {
		String patientId = client.create().resource(new Patient()).execute().getId().getIdPart();
		Observation observation = new Observation();
		observation.setStatus(Observation.ObservationStatus.FINAL).getCode().setText("probe");
		observation.getSubject().setReference("Patient/" + patientId);
		client.create().resource(observation).execute();

		HttpResponse<String> response = send(fhirRequest("/Patient/" + patientId).DELETE());

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(issue(response).getDetails().getCodingFirstRep().getCode()).isEqualTo("conflict");
		assertThat(send(fhirRequest("/Patient/" + patientId).GET()).statusCode()).isEqualTo(200);
	}

	@Test
	void countAboveMaximum_is400NamingCount() throws Exception {
		HttpResponse<String> response = send(fhirRequest("/Patient?_count=51").GET());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(issue(response).getDetails().getCodingFirstRep().getCode()).isEqualTo("too-many");
		assertThat(issue(response).getExpression()).extracting(Object::toString).containsExactly("_count");
		assertThat(send(fhirRequest("/Patient?_count=50").GET()).statusCode()).isEqualTo(200);
	}

	@Test
	void countThatIsNotANumber_is400NamingCount() throws Exception {
		HttpResponse<String> response = send(fhirRequest("/Patient?_count=lots").GET());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(issue(response).getExpression()).extracting(Object::toString).containsExactly("_count");
		assertThat(issue(response).getDiagnostics()).contains("whole number");
	}

	@Test
	void bodyOverLimit_is413AndStoresNothing() throws Exception {
		String marker = "oversized-" + System.nanoTime();
		String body = oversizedPatient(marker);

		HttpResponse<String> response = send(fhirRequest("/Patient")
				.header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(body)));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(issue(response).getDetails().getCodingFirstRep().getCode()).isEqualTo("too-large");
		assertThat(send(fhirRequest("/Patient?family=" + marker).GET()).body()).contains("\"total\":0");
	}

	@Test
	void chunkedBodyOverLimit_is413() throws Exception {
		byte[] body = oversizedPatient("chunked").getBytes(java.nio.charset.StandardCharsets.UTF_8);

		// A publisher from a stream has no length, so the body goes out chunked without Content-Length.
		HttpResponse<String> response = send(fhirRequest("/Patient")
				.header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

		assertThat(response.statusCode()).isEqualTo(413);
	}

	@Test
	void xmlBody_is415AndIsNeverParsed() throws Exception {
		String externalEntity = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ "<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"&x;\"/></name></Patient>";

		HttpResponse<String> response = send(fhirRequest("/Patient")
				.header("Content-Type", "application/fhir+xml")
				.POST(HttpRequest.BodyPublishers.ofString(externalEntity)));

		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(issue(response).getDetails().getCodingFirstRep().getCode()).isEqualTo("unsupported-media-type");
		assertThat(response.body()).doesNotContain("root:");
	}

	private static String oversizedPatient(String family) {
		char[] filler = new char[300 * 1024];
		Arrays.fill(filler, 'a');
		return "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + family + "\",\"text\":\"" + new String(filler)
				+ "\"}]}";
	}

	private OperationOutcome.OperationOutcomeIssueComponent issue(HttpResponse<String> response) {
		OperationOutcome outcome = fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
		assertThat(outcome.getIssue()).isNotEmpty();
		return outcome.getIssueFirstRep();
	}
}
