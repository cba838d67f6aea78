package dev.recourse.submission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.support.TestInstances;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two provider instances on one database — the shared server and {@link TestInstances#secondProvider()} — drain one
 * outbox at the same time, with many submissions queued while the payer instance was down: each is delivered to the
 * payer instance exactly once, by whichever instance claimed it.
 */
class TwoProvidersIT extends RecoursePayerSteps {
	private static final int QUEUED = 6;

	@Autowired
	OutboxDrainer drainer;

	@Test
	void queuedSubmissions_drainedByTwoInstancesAtOnce_eachFiledOnce() throws Exception {
		OutboxDrainer other = TestInstances.secondProvider().bean(OutboxDrainer.class);
		List<Task> cases = new ArrayList<>();
		List<Bundle> packets = new ArrayList<>();
		for (int i = 0; i < QUEUED; i++) {
			cases.add(readyCaseAtRecoursePayer());
			packets.add(assemble(cases.get(i)));
		}
		PAYER_PROXY.down();
		try {
			for (Task caseTask : cases) {
				HttpResponse<String> queued = submit(caseTask);
				assertThat(queued.statusCode()).as(queued.body()).isEqualTo(502);
			}
		} finally {
			PAYER_PROXY.up();
		}
		List<OutboxDrainer> drainers = List.of(drainer, other);
		AtomicInteger instance = new AtomicInteger();

		List<Integer> attempts = concurrently(2, () -> drainUntilAllCompleted(drainers.get(instance.getAndIncrement()), packets));

		// more attempts than submissions only where an answer came after the read timeout: those were asked for, not sent again
		assertThat(attempts.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(QUEUED);
		assertThat(submitsForwarded()).isEqualTo(QUEUED);
		for (Bundle packet : packets) {
			assertThat(submissionOf(packet).getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
			assertThat(claimsAtPayer(packet)).as(packet.getIdentifier().getValue()).isEqualTo(1);
		}
	}

	/** Drains with one instance's drainer until every packet's submission is completed. @return attempts it made */
	private int drainUntilAllCompleted(OutboxDrainer drainer, List<Bundle> packets) throws Exception {
		AtomicInteger attempts = new AtomicInteger();
		eventually("all " + packets.size() + " submissions completed", () -> {
			attempts.addAndGet(drainer.drainOnce());
			return packets.stream().allMatch(packet -> submissionOf(packet).getStatus() == Task.TaskStatus.COMPLETED);
		});
		return attempts.get();
	}
}
