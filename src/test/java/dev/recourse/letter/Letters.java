package dev.recourse.letter;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.recourse.letter.LetterContent.CriterionRow;
import dev.recourse.letter.LetterContent.Deadline;
import dev.recourse.letter.LetterContent.Denial;
import dev.recourse.letter.LetterContent.Evidence;
import dev.recourse.letter.LetterContent.OffLabel;
import dev.recourse.letter.LetterContent.Parties;
import dev.recourse.letter.LetterContent.PriorTherapy;
import dev.recourse.letter.LetterContent.Request;
import dev.recourse.letter.LetterContent.Signature;
import dev.recourse.letter.LetterContent.Statement;
import dev.recourse.letter.LetterContent.Status;

/** Letters for the tests: an adalimumab appeal with everything known, and one with gaps. */
final class Letters {

	static final List<CriterionRow> CRITERIA = List.of(
			new CriterionRow("Diagnosis of moderately to severely active rheumatoid arthritis",
					Fact.of(new Evidence("Rheumatoid arthritis, DAS28-CRP 5.4", Fact.of(LocalDate.of(2026, 2, 11)),
							Fact.of("Rheumatology clinic note"))),
					Status.MET),
			new CriterionRow("Inadequate response to methotrexate for at least 3 months",
					Fact.of(new Evidence("Methotrexate 20 mg weekly, 2025-06-01 to 2025-10-15, stopped: no response",
							Fact.of(LocalDate.of(2025, 10, 15)), Fact.unknown())),
					Status.NOT_MET),
			new CriterionRow("Negative tuberculosis screening within 12 months", Fact.unknown(), Status.UNKNOWN));

	private Letters() {
	}

	static LetterContent complete() {
		return new LetterContent(
				new Parties(Fact.of("Jane Q. Doe"), Fact.of(LocalDate.of(1971, 4, 2)), Fact.of("Acme Health Plan"),
						Fact.of("ACM123456789"), Fact.of("PA-2026-000417"), Optional.empty(),
						new Denial(Fact.of("Step therapy requirements not met."), Fact.of(LocalDate.of(2026, 3, 2)))),
				new Request(Fact.of("adalimumab 40 mg subcutaneously every other week"),
						Fact.of("Internal appeal (first level)"), true,
						Fact.of("Active synovitis with rapid joint damage; waiting 30 days risks permanent damage.")),
				List.of(new Statement("Seropositive rheumatoid arthritis diagnosed in 2024.", Fact.of("Problem list")),
						new Statement("Eight swollen and eleven tender joints on 2026-02-11.",
								Fact.of("Rheumatology clinic note, 2026-02-11"))),
				CRITERIA,
				List.of(new PriorTherapy("Methotrexate 20 mg weekly", Fact.of(LocalDate.of(2025, 6, 1)),
						Fact.of(LocalDate.of(2025, 10, 15)), Fact.of(136), Fact.of("Inadequate response"))),
				Optional.empty(),
				List.of("29 CFR 2560.503-1(h)", "45 CFR 147.136(b)"),
				new Deadline(Fact.of(LocalDate.of(2026, 3, 9)),
						Fact.of("72 hours after receipt of an expedited appeal")),
				List.of("Rheumatology clinic note, 2026-02-11", "Denial notice, 2026-03-02"),
				new Signature(Fact.of("Alex Smith"), Fact.of("MD, FACR"), Fact.of("1234567893"),
						Optional.of(OffsetDateTime.of(2026, 3, 4, 14, 5, 0, 0, ZoneOffset.ofHours(-5)))),
				Map.of(LetterContent.OPENING, "I am writing on behalf of my patient.",
						LetterContent.ARGUMENT, "Adalimumab is necessary.\n\nNo alternative is suitable.",
						LetterContent.CLOSING, "Please call me for a peer-to-peer review."),
				List.of());
	}

	/** Member id, NPI and the expedited reason unknown; no summary, no therapies, no legal basis, no enclosures. */
	static LetterContent withGaps() {
		LetterContent c = complete();
		return new LetterContent(
				new Parties(c.parties().patientName(), c.parties().birthDate(), c.parties().planName(), Fact.unknown(),
						c.parties().authorizationNumber(), Optional.of(Fact.unknown()), c.parties().denial()),
				new Request(c.request().service(), c.request().pathway(), true, Fact.unknown()),
				List.of(), c.criteria(), List.of(),
				Optional.of(new OffLabel(List.of("Rheumatoid arthritis"), Fact.of("Adult-onset Still's disease"),
						Fact.unknown())),
				List.of(), c.deadline(), List.of(),
				new Signature(c.signature().prescriberName(), c.signature().credentials(), Fact.unknown(),
						Optional.empty()),
				Map.of(), List.of());
	}

	/** {@link #complete()} with a clinical statement of {@code text}. */
	static LetterContent withStatement(String text) {
		LetterContent c = complete();
		return new LetterContent(c.parties(), c.request(), List.of(new Statement(text, Fact.of("Note"))),
				c.criteria(), c.priorTherapies(), c.offLabel(), c.legalBasis(), c.deadline(), c.enclosures(),
				c.signature(), c.sections(), c.peerToPeers());
	}
}
