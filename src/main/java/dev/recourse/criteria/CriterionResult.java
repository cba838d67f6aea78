package dev.recourse.criteria;

import java.util.List;
import java.util.Optional;

/**
 * One criterion of a policy judged against the chart.
 *
 * @param linkId the policy item's linkId
 * @param criterionId the policy's id of the criterion
 * @param text the criterion as the policy words it
 * @param status met, not-met, or unknown (no data — not the same as failing)
 * @param answer the item's answer; empty when unknown
 * @param evidence references of the chart resources that prove it, e.g. {@code Condition/12}
 * @param gap the document that would close the criterion, from the policy
 */
record CriterionResult(String linkId, String criterionId, String text, CriterionStatus status, Optional<Boolean> answer,
		List<String> evidence, Optional<String> gap) {
	CriterionResult {
		evidence = List.copyOf(evidence);
	}

}
