package dev.recourse.letter;

import ca.uhn.fhir.repository.IRepository;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.denial.PlanRegime;
import dev.recourse.filing.Addressee;
import dev.recourse.filing.CaseStanding;
import dev.recourse.filing.FilingAddressees;
import dev.recourse.filing.MissedClock;
import dev.recourse.filing.PlanState;
import dev.recourse.letter.LetterContent.Signature;
import dev.recourse.pathway.PathwayCode;
import dev.recourse.pathway.PathwayOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A filing's letter: the case's standing (the decision it answers, its level, missed clocks) → the pathway as triage
 * sees it at that level (422 with the standing when it is not open) → the plan's state → the addressee from
 * rules/filing-addressees-*.yaml (422 naming what is missing) → {@link FilingContent} from the case's facts only.
 */
@Component
class FilingLetters {
	private final CaseStanding standing;
	private final FilingAddressees addressees;

	FilingLetters(CaseStanding standing, FilingAddressees addressees) {
		this.standing = standing;
		this.addressees = addressees;
	}

	/** What a filing is drawn from, decided once for the draft and again, identically, for the signature. */
	record Prepared(PathwayOption option, CaseStanding.Standing standing, Addressee addressee, Optional<PlanState> state) {
	}

	Prepared prepare(IRepository store, LetterCase file, String code) {
		CaseStanding.Standing at = standing.of(store, file.caseTask(),
				new CaseStanding.Triaged(file.denial(), file.coverage(), code.startsWith("expedited-")));
		PathwayCode pathway = PathwayCode.fromCode(code);
		PathwayOption option = at.triage().pathways().stream().filter(candidate -> candidate.code() == pathway).findFirst()
				.filter(PathwayOption::eligible).orElseThrow(() -> closed(at, pathway));
		PlanRegime regime = at.triage().planRegime();
		if (regime == PlanRegime.UNKNOWN) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, "Coverage.extension:plan-regime", "The plan's regime is not known, so "
					+ "neither the reviewer nor the regulator can be chosen: give the case's Coverage the plan-regime extension");
		}
		Optional<PlanState> state = PlanState.of(file.coverage(), file.patient());
		return new Prepared(option, at, addressees.find(pathway, regime, state), state);
	}

	FilingContent content(Prepared prepared, LetterCase file, String display, Map<String, String> sections, Signature signature) {
		LetterContent base = LetterFacts.content(file, prepared.option(), display, sections, signature);
		List<MissedClock> missed = prepared.standing().missed();
		Set<String> law = new LinkedHashSet<>(prepared.option().citations());
		law.add(prepared.addressee().citation());
		missed.forEach(clock -> law.add(clock.regulation()));
		missed.forEach(clock -> clock.consequenceCitation().ifPresent(law::add));
		List<String> enclosures = FilingFacts.enclosures(file.denial(), prepared.standing().decision(), missed, base.enclosures());
		LetterContent letter = new LetterContent(base.parties(), base.request(), base.clinicalSummary(), base.criteria(),
				base.priorTherapies(), base.offLabel(), List.copyOf(law), base.deadline(), enclosures, base.signature(), base.sections(),
				base.peerToPeers());
		String code = prepared.option().code().code();
		return new FilingContent(FilingFacts.kind(code), FilingFacts.title(code), FilingFacts.addressee(prepared.addressee(), file.insurer()),
				FilingFacts.state(prepared.state()), "The decision this filing answers: " + prepared.standing().basis() + ".",
				FilingFacts.missed(missed), letter);
	}

	private static RecourseException closed(CaseStanding.Standing at, PathwayCode pathway) {
		String why = at.triage().pathways().stream().filter(candidate -> candidate.code() == pathway).findFirst()
				.map(option -> " (" + option.rationale() + ")").orElse(" (no rule opens it for a " + at.triage().planRegime().code() + " plan)");
		return new RecourseException(RecourseError.UNPROCESSABLE, "pathway", "Parameter 'pathway': " + pathway.code()
				+ " is not open for this case" + why + ". The case stands at " + at.level().code() + ": " + at.basis()
				+ ". A final internal denial is marked by the extension " + dev.recourse.denial.DecisionLevel.EXTENSION
				+ " (final-internal) on its ClaimResponse; a payer's missed decision clock also counts.");
	}
}
