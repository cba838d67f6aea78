package dev.recourse.filing;

import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import dev.recourse.casework.CaseOutputs;
import dev.recourse.denial.DecisionLevel;
import dev.recourse.denial.triage.DenialTriage;
import dev.recourse.denial.triage.Triage;
import dev.recourse.denial.triage.TriageRequest;
import dev.recourse.submission.CaseStage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * Where a case stands for a filing past the plan: the adverse decisions on file (the case's denial, and the payer's
 * upheld or partly upheld answers to what was submitted) each at its level — the {@value DecisionLevel#EXTENSION} extension
 * when the ClaimResponse carries one (how a final internal denial is marked), else initial for the denial and
 * internal-appeal for an answer to our request → the highest level, latest first → raised by a missed decision clock
 * the case records to the level its regime's rule deems (deemed exhaustion) → triaged at that level.
 */
@Component
public class CaseStanding {
	/** The pathway a request, letter or case is for. */
	public static final String PATHWAY = "http://recourse.dev/fhir/StructureDefinition/pathway";
	private static final Set<String> ADVERSE = Set.of("upheld", "partially-approved");
	private final DenialTriage triage;
	private final MissedClockRules missedClockRules;

	CaseStanding(DenialTriage triage, MissedClockRules missedClockRules) {
		this.triage = triage;
		this.missedClockRules = missedClockRules;
	}

	/**
	 * @param decision the adverse decision a filing answers
	 * @param level the level it stands at
	 * @param basis why, in words for the specialist and the letter
	 */
	public record Standing(ClaimResponse decision, DecisionLevel level, String basis, List<MissedClock> missed, Triage triage) {
	}

	public Standing of(IRepository store, Task caseTask, ClaimResponse denial, Optional<Coverage> coverage) {
		return of(store, caseTask, new Triaged(denial, coverage, false));
	}

	/**
	 * What the standing is triaged from: the case's denial and Coverage, and whether the filing is urgent (asking for an
	 * expedited pathway is the specialist's statement that it is; the letter asks them to say why).
	 */
	public record Triaged(ClaimResponse denial, Optional<Coverage> coverage, boolean urgent) {
	}

	public Standing of(IRepository store, Task caseTask, Triaged from) {
		ClaimResponse denial = from.denial();
		Decision latest = decisions(store, caseTask, denial).stream()
				.max(Comparator.comparing(Decision::level).thenComparing(Decision::date)).orElseThrow();
		List<MissedClock> missed = MissedClock.on(caseTask);
		DecisionLevel level = latest.level();
		String basis = latest.basis();
		Triage plain = triageAt(latest.response(), from, level);
		Optional<MissedClockRules.Rule> deemed = missed.isEmpty() ? Optional.empty() : missedClockRules.forRegime(plain.planRegime());
		if (deemed.isPresent() && deemed.get().level().compareTo(level) > 0) {
			level = deemed.get().level();
			basis = "the payer missed its decision clock (" + missed.get(missed.size() - 1).regulation() + "), so the case stands at "
					+ level.code() + ": " + deemed.get().consequence() + " (" + deemed.get().citation().text() + ")";
			return new Standing(latest.response(), level, basis, missed, triageAt(latest.response(), from, level));
		}
		return new Standing(latest.response(), level, basis, missed, plain);
	}

	private Triage triageAt(ClaimResponse decision, Triaged from, DecisionLevel level) {
		return triage.triage(new TriageRequest(decision, from.coverage().orElse(null), null, null, level, from.urgent(), null));
	}

	private static List<Decision> decisions(IRepository store, Task caseTask, ClaimResponse denial) {
		List<Decision> decisions = new ArrayList<>();
		String denialRef = "ClaimResponse/" + denial.getIdElement().getIdPart();
		decisions.add(Decision.of(denial, DecisionLevel.INITIAL, "the denial on file (" + denialRef + ")"));
		for (String reference : CaseOutputs.all(caseTask, "payer-response")) {
			try {
				ClaimResponse answer = store.read(ClaimResponse.class, new IdType(reference).toUnqualifiedVersionless());
				if (ADVERSE.contains(CaseStage.of(answer))) {
					decisions.add(Decision.of(answer, DecisionLevel.INTERNAL_APPEAL, "the payer's decision on our request (" + reference + ")"));
				}
			} catch (BaseServerResponseException gone) {
				// an answer no longer on file decides nothing
			}
		}
		return decisions;
	}

	private record Decision(ClaimResponse response, DecisionLevel level, String basis, java.util.Date date) {
		static Decision of(ClaimResponse response, DecisionLevel fallback, String what) {
			Optional<DecisionLevel> marked = DecisionLevel.markedOn(response);
			DecisionLevel level = marked.orElse(fallback);
			String basis = what + " at level " + level.code() + marked.map(m -> ", marked by its decision-level extension").orElse("");
			return new Decision(response, level, basis, response.hasCreated() ? response.getCreated() : new java.util.Date(0));
		}
	}
}
