package dev.recourse.letter;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything a letter of medical necessity says, already gathered and decided: the renderer only lays it out.
 * The sections follow what a reviewer at the payer looks for, in the order they read: whose denial and which,
 * what is asked, the clinical story, the policy's criteria one by one against the chart, the therapies tried,
 * the off-label case when there is one, the law, the deadline, the enclosures, and the signature.
 * <p>
 * Lists are copied (a letter is a snapshot); an empty list a letter cannot do without (criteria, clinical summary,
 * prior therapies, legal basis, enclosures) prints as a placeholder rather than as nothing.
 *
 * @param parties who and what: the patient, the plan, the numbers and the denial
 * @param request what is asked, and whether it is urgent
 * @param clinicalSummary the clinical facts, each with where it comes from
 * @param criteria the policy's criteria, each with the chart's evidence and whether it is met
 * @param priorTherapies the therapies already tried (step therapy), oldest first as given
 * @param offLabel the off-label argument, only when the requested use is not a labelled indication
 * @param legalBasis citations of the rules the appeal relies on, e.g. {@code 29 CFR 2560.503-1(h)}
 * @param deadline the last day the request may be filed, with the rule that sets it
 * @param enclosures titles of the documents sent with the letter; numbered from 1 in this order
 * @param signature the prescriber who signs
 * @param sections the specialist's own text keyed by {@link #SECTION_NAMES section name}; an absent one prints as a
 *     placeholder
 * @param peerToPeers the case's recorded peer-to-peer outcomes, oldest first; empty when none is on file (then the
 *     letter says nothing of one)
 */
public record LetterContent(Parties parties, Request request, List<Statement> clinicalSummary,
		List<CriterionRow> criteria, List<PriorTherapy> priorTherapies, Optional<OffLabel> offLabel,
		List<String> legalBasis, Deadline deadline, List<String> enclosures, Signature signature,
		Map<String, String> sections, List<PeerToPeerCall> peerToPeers) {

	/** Opening paragraph(s): who writes and what for. */
	public static final String OPENING = "opening";
	/** The physician's own reasoning why the treatment is necessary for this patient. */
	public static final String ARGUMENT = "argument";
	/** Closing paragraph(s): the request restated, contact for a peer-to-peer review. */
	public static final String CLOSING = "closing";
	/**
	 * The free-text sections the template prints. Any other name is refused: text the template would not print
	 * would be lost without anyone noticing.
	 */
	public static final Set<String> SECTION_NAMES = Set.of(OPENING, ARGUMENT, CLOSING);

	public LetterContent {
		Objects.requireNonNull(parties, "parties");
		Objects.requireNonNull(request, "request");
		Objects.requireNonNull(offLabel, "offLabel (Optional.empty() when on-label)");
		Objects.requireNonNull(deadline, "deadline");
		Objects.requireNonNull(signature, "signature");
		clinicalSummary = List.copyOf(clinicalSummary);
		criteria = List.copyOf(criteria);
		priorTherapies = List.copyOf(priorTherapies);
		legalBasis = List.copyOf(legalBasis);
		enclosures = List.copyOf(enclosures);
		Objects.requireNonNull(sections, "sections (empty when the specialist wrote none)");
		for (String name : sections.keySet()) {
			if (!SECTION_NAMES.contains(name)) {
				throw new IllegalArgumentException("no section '" + name + "' in the letter; known: " + SECTION_NAMES);
			}
		}
		// sorted and unmodifiable; blank text is left out so that it prints as the placeholder
		TreeMap<String, String> kept = new TreeMap<>();
		sections.forEach((name, text) -> {
			if (text != null && !text.isBlank()) {
				kept.put(name, text.strip());
			}
		});
		sections = Collections.unmodifiableMap(kept);
		peerToPeers = List.copyOf(peerToPeers);
	}

	/**
	 * Who and what.
	 *
	 * @param patientName the patient's name as the plan has it
	 * @param birthDate the patient's date of birth
	 * @param planName the health plan or payer
	 * @param memberId the patient's member id at that plan
	 * @param authorizationNumber the prior authorization's number (the payer's reference of the request)
	 * @param claimNumber empty when there is no claim (a pre-service denial has none); an unknown fact when there is
	 *     one whose number is not known
	 * @param denial what the payer decided
	 */
	public record Parties(Fact<String> patientName, Fact<LocalDate> birthDate, Fact<String> planName,
			Fact<String> memberId, Fact<String> authorizationNumber, Optional<Fact<String>> claimNumber,
			Denial denial) {
		public Parties {
			Objects.requireNonNull(patientName, "patientName");
			Objects.requireNonNull(birthDate, "birthDate");
			Objects.requireNonNull(planName, "planName");
			Objects.requireNonNull(memberId, "memberId");
			Objects.requireNonNull(authorizationNumber, "authorizationNumber");
			Objects.requireNonNull(claimNumber, "claimNumber (Optional.empty() when there is no claim)");
			Objects.requireNonNull(denial, "denial");
		}
	}

	/**
	 * The denial being appealed.
	 *
	 * @param reason the denial's reason as the payer worded it (quoted, not paraphrased)
	 * @param date the date of the denial notice
	 */
	public record Denial(Fact<String> reason, Fact<LocalDate> date) {
		public Denial {
			Objects.requireNonNull(reason, "reason");
			Objects.requireNonNull(date, "date");
		}
	}

	/**
	 * What is asked.
	 *
	 * @param service the drug or service requested, e.g. "adalimumab 40 mg subcutaneously every other week"
	 * @param pathway the review asked for, as displayed, e.g. "Internal appeal (first level)"
	 * @param expedited whether an expedited (urgent) review is asked
	 * @param expeditedReason why the standard time frame could seriously jeopardize the patient; printed only when
	 *     expedited
	 */
	public record Request(Fact<String> service, Fact<String> pathway, boolean expedited,
			Fact<String> expeditedReason) {
		public Request {
			Objects.requireNonNull(service, "service");
			Objects.requireNonNull(pathway, "pathway");
			Objects.requireNonNull(expeditedReason, "expeditedReason (Fact.unknown() when not expedited)");
		}
	}

	/**
	 * One statement of the clinical summary.
	 *
	 * @param text the statement
	 * @param source where it comes from, e.g. "Rheumatology note, 2026-02-11"
	 */
	public record Statement(String text, Fact<String> source) {
		public Statement {
			requireText(text, "statement text");
			Objects.requireNonNull(source, "source");
		}
	}

	/**
	 * One row of the criteria table.
	 *
	 * @param requirement the criterion as the policy words it (never reworded: the reviewer compares it to the policy)
	 * @param evidence what in the chart shows it; unknown when nothing does yet
	 * @param status met, not met, or unknown
	 */
	public record CriterionRow(String requirement, Fact<Evidence> evidence, Status status) {
		public CriterionRow {
			requireText(requirement, "requirement");
			Objects.requireNonNull(evidence, "evidence");
			Objects.requireNonNull(status, "status");
		}
	}

	/**
	 * The chart's evidence for a criterion.
	 *
	 * @param text what the chart says, e.g. "DAS28-CRP 5.4"
	 * @param date when it was recorded
	 * @param source where, e.g. "Observation, rheumatology clinic"
	 */
	public record Evidence(String text, Fact<LocalDate> date, Fact<String> source) {
		public Evidence {
			requireText(text, "evidence text");
			Objects.requireNonNull(date, "date");
			Objects.requireNonNull(source, "source");
		}
	}

	/** Whether a criterion is met; unknown means no data, which is not the same as failing. */
	public enum Status {
		MET("met", "Met"), NOT_MET("not-met", "Not met"), UNKNOWN("unknown", "Unknown");

		private final String code;
		private final String display;

		Status(String code, String display) {
			this.code = code;
			this.display = display;
		}

		/** The code the criteria map uses (met, not-met, unknown); also the row's style. */
		public String code() {
			return code;
		}

		/** As printed in the table. */
		public String display() {
			return display;
		}
	}

	/**
	 * A therapy already tried.
	 *
	 * @param medication the medication (and dose when known)
	 * @param start when it was started
	 * @param end when it was stopped; unknown also when it is ongoing (the outcome says so)
	 * @param durationDays how many days it was taken, as the gatherer computed it (not derived here: the dates may be
	 *     partial)
	 * @param outcome why it was stopped or how it went, e.g. "inadequate response", "hepatotoxicity"
	 */
	public record PriorTherapy(String medication, Fact<LocalDate> start, Fact<LocalDate> end,
			Fact<Integer> durationDays, Fact<String> outcome) {
		public PriorTherapy {
			requireText(medication, "medication");
			Objects.requireNonNull(start, "start");
			Objects.requireNonNull(end, "end");
			Objects.requireNonNull(durationDays, "durationDays");
			Objects.requireNonNull(outcome, "outcome");
		}
	}

	/**
	 * The off-label argument.
	 *
	 * @param labelledIndications the indications on the product's label
	 * @param documentedDiagnosis the patient's diagnosis the treatment is for
	 * @param compendiaStatement what the compendia (e.g. DrugDex, AHFS-DI) say of that use
	 */
	public record OffLabel(List<String> labelledIndications, Fact<String> documentedDiagnosis,
			Fact<String> compendiaStatement) {
		public OffLabel {
			labelledIndications = List.copyOf(labelledIndications);
			Objects.requireNonNull(documentedDiagnosis, "documentedDiagnosis");
			Objects.requireNonNull(compendiaStatement, "compendiaStatement");
		}
	}

	/**
	 * The filing deadline. Not the payer's decision date: that runs from receipt, which is unknown until the request
	 * is filed, and a letter must not state a date nobody can know yet.
	 *
	 * @param date the last day the request may be filed (triage's filing deadline for the pathway)
	 * @param basis the rule that sets it: the filing clock's citation, e.g. "29 CFR 2560.503-1(h)(3)(i) [V]"
	 */
	public record Deadline(Fact<LocalDate> date, Fact<String> basis) {
		public Deadline {
			Objects.requireNonNull(date, "date");
			Objects.requireNonNull(basis, "basis");
		}
	}

	/**
	 * The signature block.
	 *
	 * @param prescriberName the prescriber's name
	 * @param credentials e.g. "MD, FACR"
	 * @param npi the prescriber's National Provider Identifier
	 * @param signedAt when the prescriber signed; empty while unsigned (printed as "unsigned")
	 */
	public record Signature(Fact<String> prescriberName, Fact<String> credentials, Fact<String> npi,
			Optional<OffsetDateTime> signedAt) {
		public Signature {
			Objects.requireNonNull(prescriberName, "prescriberName");
			Objects.requireNonNull(credentials, "credentials");
			Objects.requireNonNull(npi, "npi");
			Objects.requireNonNull(signedAt, "signedAt (Optional.empty() while unsigned)");
		}
	}

	private static void requireText(String text, String what) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException(what + " is required");
		}
	}
}
