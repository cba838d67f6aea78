package dev.recourse.submission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.submission.fake.FakePayer;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole loop between two Recourse instances over real HTTP: the provider (the shared server) subscribes at the payer
 * instance (PAS topic, its organization's filter, SMART Backend Services), submits, the payer pends, its reviewer decides,
 * the payer instance's notification outbox posts the decision to the provider's receiver (through a proxy that can
 * refuse it), and the provider's case moves: upheld → the next level's pathway and deadline; approved → completed.
 */
class DecisionRoundTripIT extends RecoursePayerSteps {
	private static final String NOTICES = "/pas-notifications/" + dev.recourse.support.TestPayers.RECOURSE_PAYER_ENDPOINT;

	@Autowired
	PayerSubscriptionSchedule subscriptions;

	@BeforeEach
	void subscribedAtThePayerInstance() throws Exception {
		NOTICE_PROXY.forwardTo(serverRoot());
		NOTICE_PROXY.reset();
		eventually("the provider's Subscription at the payer instance", () -> {
			subscriptions.ensureAll();
			Task record = client.read().resource(Task.class).withId("payer-subscription-" + dev.recourse.support.TestPayers.RECOURSE_PAYER_ENDPOINT).execute();
			return record.getStatus() == Task.TaskStatus.COMPLETED;
		});
	}

	@AfterEach
	void noticesForwarded() {
		NOTICE_PROXY.reset();
	}

	@Test
	void upheldAtThePayer_isNotifiedToTheProvider_whoseCaseMovesToTheNextLevel() throws Exception {
		Task caseTask = readyCaseAtRecoursePayer();
		Bundle packet = assemble(caseTask);
		assertThat(submit(caseTask).statusCode()).isEqualTo(200);
		assertThat(stage(caseTask)).isEqualTo("under-review");

		long noticesBefore = NOTICE_PROXY.forwarded(NOTICES);

		HttpResponse<String> decided = decide(claimIdAtPayer(packet), "A3", "Not medically necessary: no documented trial of methotrexate.");

		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
		eventually("the provider's case upheld by the notified decision", () -> "upheld".equals(stage(caseTask)));
		Task after = reread(caseTask);
		Extension pathway = after.getExtensionByUrl("http://recourse.dev/fhir/StructureDefinition/pathway");
		assertThat(pathway).as("the next level's pathway").isNotNull();
		assertThat(after.getRestriction().getPeriod().hasEnd()).as("the next level's filing deadline").isTrue();
		assertThat(after.getNote()).anySatisfy(note -> assertThat(note.getText()).contains("no documented trial of methotrexate"));
		ClaimResponse kept = client.read().resource(ClaimResponse.class).withId(output(after, "payer-response")).execute();
		assertThat(FakePayer.reviewActions(kept)).isNotEmpty().containsOnly("A3");
		assertThat(NOTICE_PROXY.forwarded(NOTICES) - noticesBefore).isEqualTo(1);
	}

	@Test
	void receiverDown_theNotificationIsRetried_andApprovesTheCaseOnce() throws Exception {
		Task caseTask = readyCaseAtRecoursePayer();
		Bundle packet = assemble(caseTask);
		assertThat(submit(caseTask).statusCode()).isEqualTo(200);
		long noticesBefore = NOTICE_PROXY.forwarded(NOTICES);
		NOTICE_PROXY.refuse(2);

		assertThat(decide(claimIdAtPayer(packet), "A1", null).statusCode()).isEqualTo(200);

		eventually("the provider's case approved after the refused deliveries", () -> "approved".equals(stage(caseTask)));
		assertThat(reread(caseTask).getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
		assertThat(NOTICE_PROXY.forwarded(NOTICES) - noticesBefore).isEqualTo(1);
	}

	private String stage(Task caseTask) {
		return reread(caseTask).getBusinessStatus().getCodingFirstRep().getCode();
	}
}
