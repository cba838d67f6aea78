package dev.recourse.payer;

import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.StringType;

/**
 * What the payer's reviewer asks the provider for ({@code Claim/[id]/$request-documents}): LOINC attachment codes, the
 * request's items they concern (none: every item), a note, a due date.
 */
record DocumentRequestAsk(List<Coding> codes, List<Integer> items, Optional<String> note, Optional<DateType> due) {

	/** 400 naming the parameter for a code that is not a LOINC code or an item number that is not one. */
	static DocumentRequestAsk of(List<Coding> codes, List<PositiveIntType> items, StringType note, DateType due) {
		if (codes == null || codes.isEmpty()) {
			throw new RecourseException(RecourseError.INVALID_INPUT, "code", "Name at least one document asked for, as a LOINC "
					+ "attachment code (system " + Pas.LOINC + "), e.g. 18748-4 (diagnostic imaging study)");
		}
		for (Coding code : codes) {
			if (!Pas.LOINC.equals(code.getSystem()) || !code.hasCode()) {
				throw new RecourseException(RecourseError.INVALID_INPUT, "code", "Documents are asked for by LOINC attachment code "
						+ "(system " + Pas.LOINC + ", PAS attachments-needed); " + code.getSystem() + "|" + code.getCode() + " is not one");
			}
		}
		List<Integer> numbers = items == null ? List.of() : items.stream().map(item -> item.getValue()).toList();
		if (numbers.stream().anyMatch(number -> number == null)) {
			throw new RecourseException(RecourseError.INVALID_INPUT, "item", "An item is the request's item sequence, a positive integer");
		}
		return new DocumentRequestAsk(codes.stream().map(code -> new Coding(code.getSystem(), code.getCode(), code.getDisplay())).toList(),
				numbers, Optional.ofNullable(note).map(StringType::getValue).filter(text -> !text.isBlank()),
				Optional.ofNullable(due).filter(DateType::hasValue));
	}
}
