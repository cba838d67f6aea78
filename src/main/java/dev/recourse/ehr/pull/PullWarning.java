package dev.recourse.ehr.pull;

import java.util.Optional;

/**
 * A part of a pull that failed while the rest went on.
 *
 * @param resourceType the type not stored, when the warning is about one
 * @param message what failed and what was done about it
 */
record PullWarning(Optional<String> resourceType, String message) {
	static PullWarning about(String resourceType, String message) {
		return new PullWarning(Optional.of(resourceType), message);
	}

	static PullWarning general(String message) {
		return new PullWarning(Optional.empty(), message);
	}
}
