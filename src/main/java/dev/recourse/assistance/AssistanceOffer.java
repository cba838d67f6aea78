package dev.recourse.assistance;

import dev.recourse.assistance.AssistanceRules.Federal;
import dev.recourse.assistance.AssistanceRules.RegimeRule;
import dev.recourse.denial.SourceConfidence;
import java.util.ArrayList;
import java.util.List;

/**
 * The offer rule, named: a programme whose terms exclude government programmes is withheld when the plan is a federal
 * health care programme, or may be one (regime unknown); every other programme is offered under its own terms. An
 * unverified row is offered with that said. The regime's caveat goes with the answer whenever a programme is listed.
 */
final class AssistanceOffer {
	private final AssistanceRules rules;

	AssistanceOffer(AssistanceRules rules) {
		this.rules = rules;
	}

	/** The offers for a drug's programmes under a plan regime, in file order, and the caveat that applies. */
	Result offer(List<AssistanceProgram> programs, String regime) {
		RegimeRule rule = rules.forRegime(regime);
		List<ProgramOffer> offers = new ArrayList<>();
		for (AssistanceProgram program : programs) {
			offers.add(judge(program, rule, regime));
		}
		return new Result(offers, programs.isEmpty() ? List.of() : List.of(rule.caveat()));
	}

	record Result(List<ProgramOffer> offers, List<String> caveats) {}

	private static ProgramOffer judge(AssistanceProgram program, RegimeRule rule, String regime) {
		if (program.federalExcluded() && rule.federal() != Federal.NO) {
			String why = rule.federal() == Federal.YES
					? "Withheld: the plan (" + regime + ") is a federal health care programme and this programme's terms exclude it (Anti-Kickback Statute, 42 U.S.C. 1320a-7b(b))."
					: "Withheld until the plan is confirmed not to be a government programme: the plan regime is unknown and this programme's terms exclude Medicare, Medicaid and TRICARE.";
			return new ProgramOffer(program, false, why);
		}
		String why = program.federalExcluded()
				? "Offered: the plan (" + regime + ") is not a government programme; the programme's own terms decide eligibility."
				: "Offered: the programme decides by its own rules (income, coverage), whatever the plan.";
		if (program.citation().confidence() == SourceConfidence.U) {
			why += " Unverified: confirm the details with the programme.";
		}
		return new ProgramOffer(program, true, why);
	}
}
