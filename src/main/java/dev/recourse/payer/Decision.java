package dev.recourse.payer;

import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.StringType;

/**
 * A reviewer's decision as {@code $decide} takes it: an X12 306 review action PAS uses for a decision on a request,
 * the X12 886 reasons, the text for the requester, the policy criteria that drove it, and who decided (PAS
 * claimResponseReviewer).
 */
record Decision(String action, List<Coding> reasons, Optional<String> note, DenialBasis basis, Optional<Extension> reviewer) {
	static final String X12_886 = "https://codesystem.x12.org/005010/886";
	/** The review actions a reviewer decides with (A4 keeps a request pended, e.g. after asking for more). */
	static final Map<String, String> ACTIONS = Map.of("A1", "Certified in total", "A3", "Not certified", "A4", "Pended",
			"A6", "Modified");

	Decision {
		reasons = List.copyOf(reasons);
	}

	static Decision of(CodeType decision, List<Coding> reasons, StringType note) {
		String action = decision == null ? null : decision.getValue();
		if (action == null || !ACTIONS.containsKey(action)) {
			throw new RecourseException(RecourseError.INVALID_INPUT, "decision", "decision must be an X12 306 review action "
					+ "code a reviewer decides with: A1 (certified), A3 (not certified), A4 (pended), A6 (modified); got " + action);
		}
		List<Coding> given = reasons == null ? List.of() : reasons;
		for (Coding reason : given) {
			if (!X12_886.equals(reason.getSystem()) || !reason.hasCode()) {
				throw new RecourseException(RecourseError.INVALID_INPUT, "reason", "reason must be an X12 886 review decision reason code ("
						+ X12_886 + "); got " + reason.getSystem() + "|" + reason.getCode());
			}
		}
		Optional<String> text = Optional.ofNullable(note).map(StringType::getValue).filter(value -> !value.isBlank());
		if ("A3".equals(action) && given.isEmpty() && text.isEmpty()) {
			// PAS carries a denial's why as the X12 886 reason and the processNote; a bare "not certified" tells the requester nothing
			throw new RecourseException(RecourseError.UNPROCESSABLE, "reason",
					"A denial (A3) needs its reason: an X12 886 reason code, the note for the requester, or both");
		}
		return new Decision(action, given, text, DenialBasis.NONE, Optional.empty());
	}

	Decision with(DenialBasis drivenBy, Optional<Extension> decidedBy) {
		return new Decision(action, reasons, note, drivenBy, decidedBy);
	}

	String display() {
		return ACTIONS.get(action);
	}
}
