package dev.recourse.letter;

import dev.recourse.letter.LetterContent.Deadline;
import dev.recourse.letter.LetterContent.Request;
import dev.recourse.pathway.PathwayOption;
import java.util.List;

/** What the letter asks and under which law: the chosen pathway's triage option, its citations and its filing clock. */
final class PathwayFacts {
	private PathwayFacts() {
	}

	/** Expedited when the pathway is an expedited one; why it is urgent is the specialist's to say (never guessed). */
	static Request request(Fact<String> service, PathwayOption option, String display) {
		return new Request(service, Fact.of(display), option.code().code().startsWith("expedited-"), Fact.unknown());
	}

	static List<String> legalBasis(PathwayOption option) {
		return option.citations();
	}

	static Deadline deadline(PathwayOption option) {
		return new Deadline(Fact.ofNullable(option.filingDeadline()), Fact.ofNullable(option.filingCitation()));
	}
}
