package dev.recourse.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** The letter quotes a recorded peer-to-peer from the record only: date, participants, outcome, notes — nothing filled in. */
class PeerToPeerFactsTest {
	private final LetterRenderer renderer = new LetterRenderer();

	@Test
	void aRecordedCall_givesItsDateAtItsOffset_namedParticipants_outcomeInWords_andNotes() {
		Communication upheld = outcome("upheld", "2026-03-03T15:30:00-05:00", "Reviewer asked for the MRI report.");
		upheld.setSender(new Reference("Practitioner/p1").setDisplay("Nadia Ferro"));
		upheld.addRecipient(new Reference("Practitioner/p2").setDisplay("Dr. Alan Reyes"));
		upheld.addRecipient(new Reference("Organization/unnamed"));

		PeerToPeerCall call = PeerToPeerFacts.calls(List.of(upheld)).get(0);

		assertThat(call.date()).contains(OffsetDateTime.parse("2026-03-03T15:30:00-05:00"));
		assertThat(call.participants()).containsExactly("Nadia Ferro", "Dr. Alan Reyes");
		assertThat(call.outcome()).isEqualTo("The plan's reviewer upheld the denial.");
		assertThat(call.note()).contains("Reviewer asked for the MRI report.");
	}

	@Test
	void eachOutcomeCode_hasItsOwnWording_anUnknownCodeIsQuotedAsRecorded() {
		assertThat(List.of("overturned", "partially-overturned", "upheld", "not-offered", "missed")).map(code -> wording(code))
				.containsExactly("The plan's reviewer reversed the denial.", "The plan's reviewer reversed the denial in part.",
						"The plan's reviewer upheld the denial.", "The plan did not offer a peer-to-peer review.",
						"The scheduled peer-to-peer review did not take place.");
		assertThat(wording("rescheduled")).isEqualTo("Recorded as: rescheduled.");
	}

	@Test
	void aDayRecordedAsADay_isNotGivenATime_andCallsComeOldestFirst_communicationsWithoutAnOutcomeAreLeftOut() {
		Communication later = outcome("missed", "2026-04-02", null);
		Communication earlier = outcome("not-offered", "2026-03-01T09:00:00Z", null);
		Communication chat = new Communication();
		chat.setSent(new java.util.Date());

		List<PeerToPeerCall> calls = PeerToPeerFacts.calls(List.of(later, chat, earlier));

		assertThat(calls).extracting(PeerToPeerCall::outcome).containsExactly("The plan did not offer a peer-to-peer review.",
				"The scheduled peer-to-peer review did not take place.");
		assertThat(calls.get(1).date()).contains(LocalDate.of(2026, 4, 2));
	}

	@Test
	void theLetterPrintsTheCall_asRecorded() {
		Communication upheld = outcome("upheld", "2026-03-03T15:30:00-05:00", "Reviewer asked for the MRI report.\n\nCall lasted 10 minutes.");
		upheld.setSender(new Reference().setDisplay("Nadia Ferro"));
		upheld.addRecipient(new Reference().setDisplay("Dr. Alan Reyes"));

		String html = renderer.html(withCalls(PeerToPeerFacts.calls(List.of(upheld))));

		assertThat(html).contains("<h2>Peer-to-peer review</h2>", "Date: March 3, 2026 at 15:30 -05:00",
				"Taking part (as recorded): Nadia Ferro, Dr. Alan Reyes", "Outcome: The plan&#39;s reviewer upheld the denial.",
				"Notes (as recorded):", "<p class=\"note\">Reviewer asked for the MRI report.</p>", "<p class=\"note\">Call lasted 10 minutes.</p>");
	}

	@Test
	void absentFields_areLeftOut_notAskedForNorFilledIn_andNoCallMeansNoSection() {
		Communication bare = outcome("overturned", null, null);

		String html = renderer.html(withCalls(PeerToPeerFacts.calls(List.of(bare))));

		assertThat(html).contains("<h2>Peer-to-peer review</h2>", "Outcome: The plan&#39;s reviewer reversed the denial.")
				.doesNotContain("Date: ", "Taking part", "Notes (as recorded)", LetterText.PLACEHOLDER_PREFIX + "peer");
		assertThat(renderer.html(Letters.complete())).doesNotContain("Peer-to-peer review");
	}

	private static String wording(String code) {
		return PeerToPeerFacts.calls(List.of(outcome(code, null, null))).get(0).outcome();
	}

	private static Communication outcome(String code, String sent, String note) {
		Communication communication = new Communication();
		communication.addExtension(PeerToPeerFacts.OUTCOME_EXTENSION, new Coding(PeerToPeerFacts.OUTCOME_SYSTEM, code, null));
		if (sent != null) {
			communication.setSentElement(new DateTimeType(sent));
		}
		if (note != null) {
			communication.addPayload().setContent(new StringType(note));
		}
		return communication;
	}

	private static LetterContent withCalls(List<PeerToPeerCall> calls) {
		LetterContent c = Letters.complete();
		return new LetterContent(c.parties(), c.request(), c.clinicalSummary(), c.criteria(), c.priorTherapies(), c.offLabel(),
				c.legalBasis(), c.deadline(), c.enclosures(), c.signature(), c.sections(), calls);
	}
}
