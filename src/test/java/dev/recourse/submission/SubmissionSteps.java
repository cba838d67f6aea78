package dev.recourse.submission;

import dev.recourse.packet.PacketCaseSteps;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Task;

/** The steps of the submission tests: a case made ready for its packet, {@code $submit} over HTTP, its answer read. */
abstract class SubmissionSteps extends PacketCaseSteps {
	static final String POLICY = "http://recourse.dev/fhir/Questionnaire/cigna-adalimumab-ra|2026.11-transcribed";

	/** A case on the denial with every open criterion answered and a signed letter: ready for {@code $assemble}. */
	Task readyCase(ClaimResponse denial) {
		Task caseTask = openCase(denial);
		answerOpenCriteria(map(caseTask, POLICY));
		return withLetter(reread(caseTask), true);
	}

	Task readyCase() throws Exception {
		return readyCase(read(ClaimResponse.class, DENIAL));
	}

	HttpResponse<String> submit(Task caseTask) throws Exception {
		return send(fhirRequest("/Task/" + caseTask.getIdElement().getIdPart() + "/$submit").header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\"}")));
	}

	Bundle parse(HttpResponse<String> response) {
		return fhirContext.newJsonParser().parseResource(Bundle.class, response.body());
	}

	static ClaimResponse claimResponse(Bundle bundle) {
		return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(ClaimResponse.class::isInstance)
				.map(ClaimResponse.class::cast).findFirst().orElseThrow();
	}

	/** The task run by this many threads released at once; their results in thread order. */
	static <T> List<T> concurrently(int senders, Callable<T> task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(senders);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> results = new ArrayList<>();
			for (int i = 0; i < senders; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> values = new ArrayList<>();
			for (Future<T> result : results) {
				values.add(result.get());
			}
			return values;
		} finally {
			pool.shutdownNow();
		}
	}
}
