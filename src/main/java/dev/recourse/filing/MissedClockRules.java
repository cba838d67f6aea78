package dev.recourse.filing;

import dev.recourse.denial.Citation;
import dev.recourse.denial.DecisionLevel;
import dev.recourse.denial.PlanRegime;
import dev.recourse.denial.RuleFile;
import dev.recourse.denial.RuleRow;
import dev.recourse.denial.SourceConfidence;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code rules/missed-decision-clocks.yaml}: what a payer's missed decision clock means for each plan regime — the
 * level the case stands at from then on (deemed exhaustion) and the consequence the case states, with its citation.
 * U rows are refused: opening external review or a fair hearing must not rest on an unconfirmed reading.
 */
@Component
public class MissedClockRules {
	public static final String RESOURCE = "rules/missed-decision-clocks.yaml";
	private final List<Rule> rules;

	public MissedClockRules() {
		this(RESOURCE);
	}

	MissedClockRules(String resource) {
		this.rules = RuleFile.load(resource, MissedClockRules::parse);
	}

	/** The first rule naming the regime; empty for a regime with none (the case then records the miss without a consequence). */
	public Optional<Rule> forRegime(PlanRegime regime) {
		return rules.stream().filter(rule -> rule.regimes().contains(regime)).findFirst();
	}

	static Rule parse(RuleRow row) {
		SourceConfidence confidence = row.confidence();
		if (confidence == SourceConfidence.U) {
			throw row.problem("an unconfirmed [U] fact cannot open a pathway");
		}
		List<String> regimes = row.list("regimes");
		if (regimes.isEmpty()) {
			throw row.problem("missing 'regimes'");
		}
		try {
			return new Rule(Set.copyOf(regimes.stream().map(PlanRegime::fromCode).toList()), DecisionLevel.fromCode(row.required("level")),
					row.required("consequence"), new Citation(row.required("citation"), confidence));
		} catch (IllegalArgumentException | dev.recourse.denial.TriageException e) {
			throw row.problem(e.getMessage());
		}
	}

	/**
	 * @param level the decision level the case stands at once the clock is missed
	 * @param consequence what it means, for the specialist and the letters
	 */
	public record Rule(Set<PlanRegime> regimes, DecisionLevel level, String consequence, Citation citation) {
	}
}
