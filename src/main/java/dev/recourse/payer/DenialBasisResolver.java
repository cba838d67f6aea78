package dev.recourse.payer;

import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.criteria.PolicyVersions;
import dev.recourse.server.LocalRepositories;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/**
 * {@code $decide}'s {@code policy} and {@code criterion} checked against the policy library: the exact version must be
 * on this server and every criterion id must be one of its criteria, so a denial never names a criterion the policy
 * does not have. Only a denial or a modification has a basis.
 */
@Component
class DenialBasisResolver {
	private static final Set<String> ADVERSE = Set.of("A3", "A6");
	private final LocalRepositories repositories;
	private final PolicyVersions policies;

	DenialBasisResolver(LocalRepositories repositories, PolicyVersions policies) {
		this.repositories = repositories;
		this.policies = policies;
	}

	DenialBasis resolve(Decision decision, CanonicalType policy, List<StringType> criterionIds) {
		List<String> ids = criterionIds == null ? List.of()
				: criterionIds.stream().map(StringType::getValue).filter(id -> id != null && !id.isBlank()).toList();
		String canonical = policy == null ? null : policy.getValue();
		if (canonical == null && ids.isEmpty()) {
			return DenialBasis.NONE;
		}
		check(decision, canonical, ids);
		Questionnaire found = policies.named(repositories.forServer(), canonical).orElseThrow(() -> new RecourseException(
				RecourseError.UNPROCESSABLE, "policy", "No coverage policy " + canonical + " in this server's policy library"));
		Map<String, String> criteria = PolicyVersions.criteria(found);
		List<String> unknown = ids.stream().filter(id -> !criteria.containsKey(id)).toList();
		if (!unknown.isEmpty()) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, "criterion", "Policy " + canonical + " has no criterion "
					+ String.join(", ", unknown) + "; its criteria are " + String.join(", ", criteria.keySet()));
		}
		return new DenialBasis(canonical, ids.stream().map(id -> new DenialBasis.Criterion(id, criteria.get(id))).toList());
	}

	private static void check(Decision decision, String canonical, List<String> ids) {
		if (!ADVERSE.contains(decision.action())) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, "criterion", "policy and criterion name what drove a denial (A3) "
					+ "or a modification (A6); decision " + decision.action() + " has none");
		}
		if (canonical == null || ids.isEmpty()) {
			throw new RecourseException(RecourseError.INVALID_INPUT, canonical == null ? "policy" : "criterion",
					"policy and criterion go together: the policy (url|version) and the ids of its criteria that drove the decision");
		}
		int bar = canonical.indexOf('|');
		if (bar < 0 || bar == canonical.length() - 1) {
			throw new RecourseException(RecourseError.INVALID_INPUT, "policy",
					"policy must name the version the reviewer applied, as url|version; got " + canonical);
		}
	}
}
