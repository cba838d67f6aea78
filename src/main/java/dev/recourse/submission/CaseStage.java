package dev.recourse.submission;

import dev.recourse.denial.CodeSystems;
import java.util.List;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.CodeableConcept;

/**
 * The case stage a payer's ClaimResponse puts the case in, from the X12 306 review actions of its items (PAS:
 * pended is {@code outcome} complete with review action A4; {@code queued} is accepted too): pended → under-review,
 * all certified (A1) → approved, all not certified (A3) → upheld, a mix or modified (A2, A6) → partially-approved,
 * no decision → submitted.
 */
public final class CaseStage {
	static final String REVIEW_ACTION = CodeSystems.PAS_REVIEW_ACTION;
	static final String REVIEW_ACTION_CODE = CodeSystems.PAS_REVIEW_ACTION_CODE;

	/** The stages of a payer's decision (as against pended or merely submitted). */
	static final java.util.Set<String> DECIDED = java.util.Set.of("approved", "upheld", "partially-approved");

	private CaseStage() {
	}

	public static String of(ClaimResponse response) {
		List<String> actions = response.getItem().stream().flatMap(item -> item.getAdjudication().stream())
				.flatMap(adjudication -> adjudication.getExtensionsByUrl(REVIEW_ACTION).stream())
				.map(CaseStage::code).filter(code -> code != null).toList();
		if (response.getOutcome() == ClaimResponse.RemittanceOutcome.QUEUED || actions.contains("A4")) {
			return "under-review";
		}
		if (actions.isEmpty()) {
			return "submitted";
		}
		if (actions.stream().allMatch("A1"::equals)) {
			return "approved";
		}
		return actions.stream().allMatch("A3"::equals) ? "upheld" : "partially-approved";
	}

	/**
	 * The stage to stand at given the case's current one: a pended answer read again leaves a case whose payer asked
	 * for documents at more-information-requested (sending them, or a decision, moves it on).
	 */
	static String keeping(String answered, String current) {
		return "under-review".equals(answered) && "more-information-requested".equals(current) ? current : answered;
	}

	private static String code(Extension reviewAction) {
		Extension code = reviewAction.getExtensionByUrl(REVIEW_ACTION_CODE);
		Type value = code == null ? null : code.getValue();
		return value instanceof CodeableConcept concept ? concept.getCodingFirstRep().getCode() : null;
	}
}
