package dev.recourse.submission;

import dev.recourse.denial.CodeSystems;
import java.text.SimpleDateFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;

/** The case note a payer's decision leaves, for the specialist: what was decided, why, and what comes next. */
final class DecisionNote {
	private DecisionNote() {
	}

	static String of(ClaimResponse decision, String stage, String next) {
		StringBuilder note = new StringBuilder("Payer decision");
		if (decision.hasCreated()) {
			SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
			day.setTimeZone(TimeZone.getTimeZone("UTC"));
			note.append(" of ").append(day.format(decision.getCreated()));
		}
		note.append(": ").append(stage).append(" (X12 306 ").append(String.join(", ", codes(decision, CodeSystems.PAS_REVIEW_ACTION_CODE)));
		Set<String> reasons = codes(decision, "reasonCode");
		if (!reasons.isEmpty()) {
			note.append("; reasons ").append(String.join(", ", reasons));
		}
		note.append(")");
		String remarks = decision.getProcessNote().stream().map(ClaimResponse.NoteComponent::getText).filter(text -> text != null)
				.collect(Collectors.joining(" "));
		if (!remarks.isBlank()) {
			note.append(". The payer's note: \"").append(remarks).append("\"");
		}
		return note.append(". Next step: ").append(next).append(".").toString();
	}

	/** The codes of one part of the items' PAS reviewAction extensions, as "code (display)", in order, once each. */
	private static Set<String> codes(ClaimResponse decision, String part) {
		Set<String> codes = new LinkedHashSet<>();
		decision.getItem().forEach(item -> item.getAdjudication().forEach(adjudication -> {
			for (Extension reviewAction : adjudication.getExtensionsByUrl(CodeSystems.PAS_REVIEW_ACTION)) {
				for (Extension found : reviewAction.getExtensionsByUrl(part)) {
					if (found.getValue() instanceof CodeableConcept concept) {
						concept.getCoding().forEach(coding -> codes.add(describe(coding)));
					}
				}
			}
		}));
		return codes;
	}

	private static String describe(Coding coding) {
		return coding.hasDisplay() ? coding.getCode() + " " + coding.getDisplay() : coding.getCode();
	}
}
