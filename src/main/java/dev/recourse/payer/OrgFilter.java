package dev.recourse.payer;

import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import java.util.Collection;
import java.util.Optional;
import org.hl7.fhir.r4.model.Identifier;

/**
 * The one filter the PAS topic defines, {@code orgIdentifier} (Equals), as a Subscription states it in its
 * {@code backport-filter-criteria}: {@code orgIdentifier=<value>} or {@code orgIdentifier=<system>|<value>}, a token
 * as in a FHIR search. The organizations whose requests' results the subscriber is notified of.
 *
 * @param system empty when the filter names the value only
 */
record OrgFilter(Optional<String> system, String value) {
	static final String NAME = "orgIdentifier";

	/** The filter a criteria string states; 422 naming {@code element} when it is not one orgIdentifier. */
	static OrgFilter parse(String criteria, String element) {
		String text = criteria == null ? "" : criteria.strip();
		if (text.startsWith("?")) {
			text = text.substring(1);
		}
		if (!text.startsWith(NAME + "=") || text.contains("&")) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, element, "The PAS topic filters by one orgIdentifier only: "
					+ NAME + "=<value> or " + NAME + "=<system>|<value>");
		}
		String token = text.substring(NAME.length() + 1);
		int bar = token.indexOf('|');
		String system = bar < 0 ? "" : token.substring(0, bar);
		String value = bar < 0 ? token : token.substring(bar + 1);
		if (value.isBlank() || bar >= 0 && system.isBlank() || token.contains(",")) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, element, NAME + " needs one identifier: a value, or system|value");
		}
		return new OrgFilter(system.isEmpty() ? Optional.empty() : Optional.of(system), value);
	}

	/** Whether the filter names this {@code system|value}: the same value, and the same system when it names one. */
	boolean names(String systemAndValue) {
		int bar = systemAndValue.indexOf('|');
		return systemAndValue.substring(bar + 1).equals(value) && system.map(systemAndValue.substring(0, bar)::equals).orElse(true);
	}

	/** Whether one of the identifiers is one of these {@code system|value}s. */
	static boolean anyIn(Collection<Identifier> identifiers, Collection<String> systemsAndValues) {
		return identifiers.stream().filter(identifier -> identifier.hasSystem() && identifier.hasValue())
				.anyMatch(identifier -> systemsAndValues.contains(identifier.getSystem() + "|" + identifier.getValue()));
	}

	@Override
	public String toString() {
		return NAME + "=" + system.map(s -> s + "|").orElse("") + value;
	}
}
