package dev.recourse.criteria.offlabel;

import java.util.Optional;

/**
 * A documented diagnosis: an ICD-10-CM code, with the Condition that records it when there is one (a request's
 * diagnosis may be a bare code).
 */
record Diagnosis(String code, String display, Optional<String> condition) {
	String describe() {
		return display.isBlank() ? code : code + " " + display;
	}
}
