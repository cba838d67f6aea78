package dev.recourse.letter;

import java.time.temporal.Temporal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A peer-to-peer review as the case records it (its RecoursePeerToPeerOutcome Communication), for the letter: only
 * what was recorded, so an absent field is left out of the letter rather than filled in.
 *
 * @param date when it took place or was due (Communication.sent) at the precision and offset recorded: a LocalDate when
 *     only the day was, else an OffsetDateTime; empty when not recorded
 * @param participants who took part, as recorded (the sender and recipients, by name); empty when none is named
 * @param outcome the recorded outcome in words
 * @param note the notes recorded with the outcome; empty when none
 */
public record PeerToPeerCall(Optional<Temporal> date, List<String> participants, String outcome, Optional<String> note) {
	public PeerToPeerCall {
		Objects.requireNonNull(date, "date (Optional.empty() when not recorded)");
		participants = List.copyOf(participants);
		if (outcome == null || outcome.isBlank()) {
			throw new IllegalArgumentException("peer-to-peer outcome is required");
		}
		Objects.requireNonNull(note, "note (Optional.empty() when none)");
	}

	/**
	 * The call as the template prints it: Optionals opened (template expressions do not call into java.util), the date
	 * and notes already in the letter's wording; null where nothing was recorded.
	 */
	public record Printed(String date, String participants, String outcome, List<String> note) {
	}

	Printed printed(LetterText show) {
		return new Printed(date.map(show::text).orElse(null), participants.isEmpty() ? null : show.text(String.join(", ", participants)),
				show.text(outcome), note.map(show::paragraphs).orElse(List.of()));
	}
}
