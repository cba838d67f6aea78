package dev.recourse.packet;

import dev.recourse.filing.CaseStanding;
import dev.recourse.pathway.PathwayOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.DocumentReference;

/**
 * Whether a filing can be packed, each gap with its element: a filing that travels with enclosures (external review,
 * Part D IRE, fair hearing — a complaint is sent as its letter), open at the level the case stands (a final internal
 * denial, an upheld redetermination or plan appeal, or a missed decision clock), and its letter drafted and signed.
 */
final class FilingChecks {
	static final Set<String> FILINGS = Set.of("external-review", "expedited-external-review", "ire-reconsideration", "state-fair-hearing");

	private FilingChecks() {
	}

	static List<PacketProblem> check(String pathway, CaseStanding.Standing at, Optional<DocumentReference> letter) {
		List<PacketProblem> problems = new ArrayList<>();
		if (!FILINGS.contains(pathway)) {
			problems.add(new PacketProblem("pathway", "Parameter 'pathway': " + pathway + " is not a filing packed with enclosures; one of "
					+ String.join(", ", FILINGS.stream().sorted().toList()) + " (a regulator complaint is sent as its letter; an appeal or exception with $assemble)"));
			return problems;
		}
		Optional<PathwayOption> option = at.triage().pathways().stream().filter(candidate -> candidate.code().code().equals(pathway)).findFirst();
		if (option.isEmpty() || !option.get().eligible()) {
			problems.add(new PacketProblem("pathway", pathway + " is not open for this case" + option.map(o -> " (" + o.rationale() + ")").orElse("")
					+ ": the case stands at " + at.level().code() + " — " + at.basis() + ". A final internal denial is marked by the extension "
					+ dev.recourse.denial.DecisionLevel.EXTENSION + " on its ClaimResponse."));
		}
		if (letter.isEmpty()) {
			problems.add(new PacketProblem("DocumentReference", "No filing letter for " + pathway + ": draft it with $draft-letter (pathway " + pathway + ")"));
		} else if (!letter.get().hasAuthenticator()) {
			problems.add(new PacketProblem("DocumentReference.authenticator", "The filing letter DocumentReference/" + letter.get().getIdElement().getIdPart()
					+ " is not signed: the prescriber signs it with $sign"));
		}
		return problems;
	}
}
