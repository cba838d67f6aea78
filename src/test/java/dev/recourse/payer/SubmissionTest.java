package dev.recourse.payer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Identifier;
import org.junit.jupiter.api.Test;

class SubmissionTest {
	private static final Identifier A12345 = new Identifier().setSystem("http://example.org/SUBMITTER_TRANSACTION_IDENTIFIER").setValue("A12345");

	@Test
	void ids_arePrefixed_stable_withinFhirsLimit_andPerSender() {
		Submission submission = Submission.of("ehr-1", A12345);

		assertThat(submission.id()).startsWith("pas-").hasSize(24).isEqualTo(Submission.of("ehr-1", A12345).id());
		assertThat(Submission.of("ehr-2", A12345).id()).isNotEqualTo(submission.id());
		assertThat(submission.copyId("http://example.org/fhir/Patient/SubscriberExample")).startsWith(submission.id() + "-").hasSize(41)
				.matches("[A-Za-z0-9\\-.]{1,64}");
		assertThat(Submission.owning(submission.copyId("urn:uuid:1"))).isEqualTo(submission);
		assertThat(Submission.owning("SubscriberExample")).isNull();
		assertThat(submission.trackingNumber()).startsWith("PA-").hasSize(23);
	}

	@Test
	void digest_ignoresWhenAndWhere_notWhatItSays() {
		Bundle first = PasFixtures.referral();
		Bundle rebuilt = PasFixtures.referral().setTimestamp(new Date());
		rebuilt.setId("another-id");
		rebuilt.getMeta().setLastUpdated(new Date());
		Bundle changed = PasFixtures.referral();
		((Claim) changed.getEntryFirstRep().getResource()).getItemFirstRep().getProductOrService().getCodingFirstRep().setCode("4");

		String digest = Submission.digest(PasFixtures.FHIR, first);

		assertThat(digest).startsWith("ni:///sha-256;").isEqualTo(Submission.digest(PasFixtures.FHIR, rebuilt));
		assertThat(Submission.digest(PasFixtures.FHIR, changed)).isNotEqualTo(digest);
	}
}
