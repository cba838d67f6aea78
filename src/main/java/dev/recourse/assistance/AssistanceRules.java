package dev.recourse.assistance;

import dev.recourse.denial.Citation;
import dev.recourse.denial.RuleFile;
import dev.recourse.denial.RuleFileException;
import dev.recourse.denial.RuleRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * rules/assistance-rules.yaml: whether a plan regime is a federal health care programme for manufacturer assistance, and
 * the caveat a specialist reads. A regime the file does not name is treated as unknown.
 */
final class AssistanceRules {
	static final String FILE = "rules/assistance-rules.yaml";

	enum Federal { YES, NO, UNKNOWN }

	/** One regime's standing: federal or not, the caveat to show, and its source. */
	record RegimeRule(Federal federal, String caveat, Citation citation) {}

	private final Map<String, RegimeRule> byRegime;

	private AssistanceRules(Map<String, RegimeRule> byRegime) {
		this.byRegime = byRegime;
	}

	static AssistanceRules load() {
		Map<String, RegimeRule> byRegime = new HashMap<>();
		for (RuleRowResult result : RuleFile.load(FILE, AssistanceRules::parse)) {
			for (String regime : result.regimes()) {
				if (byRegime.put(regime, result.rule()) != null) {
					throw new RuleFileException(FILE + ": regime " + regime + " appears twice");
				}
			}
		}
		return new AssistanceRules(Map.copyOf(byRegime));
	}

	RegimeRule forRegime(String regime) {
		return byRegime.getOrDefault(regime, byRegime.get("unknown"));
	}

	private record RuleRowResult(List<String> regimes, RegimeRule rule) {}

	private static RuleRowResult parse(RuleRow row) {
		Federal federal;
		try {
			federal = Federal.valueOf(row.required("federal").toUpperCase());
		} catch (IllegalArgumentException e) {
			throw row.problem("'federal' must be yes, no or unknown");
		}
		List<String> regimes = row.list("regimes");
		if (regimes.isEmpty()) {
			throw row.problem("'regimes' lists no plan regime");
		}
		return new RuleRowResult(regimes, new RegimeRule(federal, row.required("caveat"), new Citation(row.required("citation"), row.confidence())));
	}
}
