package dev.recourse.letter;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A filing past the plan — external review / IRO request, Part D IRE request, fair hearing request, regulator
 * complaint — already gathered: the letter's own content (parties, request, clinical facts, law, deadline, enclosures,
 * signature) plus who receives it, the plan's state, where the case stands and the payer's missed decision clocks.
 *
 * @param kind what is filed: review (an independent review or hearing is asked) or complaint (a regulator is told)
 * @param title the filing's title, e.g. "Request for external review"
 * @param addressee who receives it: name and lines; unverified contact details say so
 * @param state the state that chose the addressee, with where it was read; unknown when the addressee is federal
 * @param standing the decision the filing answers and why the case stands where it does
 * @param missedClocks the payer's decision clocks that ran out, oldest first
 */
public record FilingContent(Kind kind, String title, AddresseeBlock addressee, Fact<String> state, String standing,
		List<MissedClockRow> missedClocks, LetterContent letter) {

	public FilingContent {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(addressee, "addressee");
		Objects.requireNonNull(state, "state");
		missedClocks = List.copyOf(missedClocks);
		Objects.requireNonNull(letter, "letter");
	}

	public enum Kind {
		REVIEW, COMPLAINT;

		public boolean complaint() {
			return this == COMPLAINT;
		}
	}

	/**
	 * @param name the office or the plan; unknown when the plan's name is not on file
	 * @param lines address and contact lines, each a fact; "(unverified: confirm before sending)" is part of the line
	 * @param process how the filing is handled there
	 * @param source where the contact details were read
	 * @param jurisdiction which plans go to another office, and where; null when this office is the one for all
	 */
	public record AddresseeBlock(Fact<String> name, List<Fact<String>> lines, String process, String source, String jurisdiction) {
		public AddresseeBlock {
			lines = List.copyOf(lines);
		}
	}

	/**
	 * One missed clock as the letter states it.
	 *
	 * @param request what was filed and where it is on record
	 * @param received when the payer received it
	 * @param due when its decision was due
	 * @param regulation the rule that sets the clock
	 * @param consequence what the miss means, with its citation; unknown when no rule says
	 */
	public record MissedClockRow(String request, OffsetDateTime received, OffsetDateTime due, String regulation, Fact<String> consequence) {
	}
}
