package dev.recourse.casework;

import dev.recourse.support.StoredDenials;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.support.FhirIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** {@code $open-case} over HTTP: one case per denial, however many calls and however concurrent. */
class OpenCaseIT extends FhirIntegrationTest {

	@Test
	void openCase_createsTheTriagedCaseWithItsDeadline() throws Exception {
		String denialId = storeDenial();

		Task task = openCase(denialId);

		assertThat(task.getIdElement().getIdPart()).isEqualTo("case-" + denialId);
		assertThat(task.getFocus().getReference()).isEqualTo("ClaimResponse/" + denialId);
		assertThat(task.getFor().getReference()).startsWith("Patient/");
		assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.READY);
		assertThat(task.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("triaged");
		assertThat(task.getRestriction().getPeriod().hasEnd()).isTrue();
		assertThat(task.getExtensionsByUrl("http://recourse.dev/fhir/StructureDefinition/denial-category")).isNotEmpty();
		assertThat(task.getMeta().getProfile()).extracting(p -> p.getValue()).contains(CaseTask.PROFILE);
	}

	@Test
	void openCaseTwice_returnsTheSameCaseUnchanged() throws Exception {
		String denialId = storeDenial();

		Task first = openCase(denialId);
		Task second = openCase(denialId);

		assertThat(second.getIdElement().getIdPart()).isEqualTo(first.getIdElement().getIdPart());
		assertThat(second.getMeta().getVersionId()).isEqualTo(first.getMeta().getVersionId());
	}

	@Test
	void sixteenConcurrentCalls_leaveExactlyOneCase() throws Exception {
		String denialId = storeDenial();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			calls.add(() -> post("/ClaimResponse/" + denialId + "/$open-case"));
		}

		List<Future<HttpResponse<String>>> answers = pool.invokeAll(calls);
		pool.shutdown();

		for (Future<HttpResponse<String>> answer : answers) {
			assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(200);
			assertThat(answer.get().body()).contains("\"id\":\"case-" + denialId + "\"");
		}
		Bundle cases = client.search()
				.byUrl("Task?code=recourse-case&focus=ClaimResponse/" + denialId)
				.returnBundle(Bundle.class).execute();
		assertThat(cases.getEntry()).hasSize(1);
	}

	@Test
	void openedCase_isOnTheWorklist() throws Exception {
		String denialId = storeDenial();
		openCase(denialId);

		Bundle worklist = client.search()
				.byUrl("Task?code=recourse-case&status=ready,in-progress&_sort=deadline&_count=50")
				.returnBundle(Bundle.class).execute();

		assertThat(worklist.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
				.contains("case-" + denialId);
	}

	@Test
	void unknownDenial_is404() throws Exception {
		assertThat(post("/ClaimResponse/no-such-denial/$open-case").statusCode()).isEqualTo(404);
	}

	@Test
	void openCase_recordsThePatientsActiveCoverage_whichALaterCopyDoesNotDisplace() throws Exception {
		String denialId = storeDenial();
		String patient = client.read().resource(ClaimResponse.class).withId(denialId).execute().getPatient().getReference();
		String plan = client.create().resource(coverage(patient, "MB-PLAN")).execute().getId().toUnqualifiedVersionless().getValue();

		Task task = openCase(denialId);
		client.create().resource(coverage(patient, "MB-EHR-COPY")).execute();

		assertThat(task.getInsurance()).singleElement().satisfies(insurance -> assertThat(insurance.getReference()).isEqualTo(plan));
		Task reread = client.read().resource(Task.class).withId(task.getIdElement().getIdPart()).execute();
		assertThat(reread.getInsurance()).extracting(Reference::getReference).containsExactly(plan);
	}

	@Test
	void openCase_forAPatientWithoutCoverage_recordsNone() throws Exception {
		assertThat(openCase(storeDenial()).getInsurance()).isEmpty();
	}

	private static Coverage coverage(String patient, String memberId) {
		Coverage coverage = new Coverage();
		coverage.setStatus(Coverage.CoverageStatus.ACTIVE);
		coverage.setBeneficiary(new Reference(patient));
		coverage.setSubscriberId(memberId);
		coverage.addPayor().setDisplay("Test plan");
		return coverage;
	}

	private Task openCase(String denialId) throws Exception {
		HttpResponse<String> response = post("/ClaimResponse/" + denialId + "/$open-case");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return fhirContext.newJsonParser().parseResource(Task.class, response.body());
	}

	private HttpResponse<String> post(String path) throws Exception {
		return send(fhirRequest(path)
				.header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\"}")));
	}

	/** The PAS denial example for a new patient of ours. */
	private String storeDenial() throws Exception {
		Patient patient = new Patient();
		patient.addName().setFamily("Case" + System.nanoTime());
		String patientId = client.create().resource(patient).execute().getId().getIdPart();
		return StoredDenials.store(client, fhirContext, patientId);
	}
}
