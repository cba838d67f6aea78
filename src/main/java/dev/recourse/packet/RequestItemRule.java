package dev.recourse.packet;

import dev.recourse.denial.Citation;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Coding;

/**
 * One row of {@code rules/request-items.yaml}: a product code system, and optionally a pattern the code must match,
 * → the service type (X12 1365) and request type (X12 1525) an item of that product gets when the denial does not
 * say; or, for a system PAS does not take as the requested service, why the request cannot be built.
 *
 * @param codePattern the whole code must match it; null for any code of the system
 * @param refused why a product named only in this system cannot go on a PAS request; empty for a usable row
 */
record RequestItemRule(String system, Pattern codePattern, Optional<Coding> category, Optional<Coding> requestType,
		Optional<String> refused, Citation citation) {
	static final String X12_1365 = "https://codesystem.x12.org/005010/1365";
	static final String X12_1525 = "https://codesystem.x12.org/005010/1525";

	boolean matches(Coding coding) {
		return system.equals(coding.getSystem()) && coding.hasCode()
				&& (codePattern == null || codePattern.matcher(coding.getCode()).matches());
	}

	boolean usable() {
		return refused.isEmpty();
	}
}
