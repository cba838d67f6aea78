package dev.recourse.common;

/**
 * A problem a caller can act on, thrown by domain code and turned into an OperationOutcome in one
 * place ({@link OperationOutcomeInterceptor}).
 */
public class RecourseException extends RuntimeException {
	private final RecourseError error;
	private final String element;

	/**
	 * @param error what kind of problem, which also fixes the HTTP status
	 * @param element FHIRPath of the offending element or parameter (e.g. {@code ClaimResponse.item[0]}),
	 *     or null when the problem concerns no single element
	 * @param message what is wrong and, where it helps, what to do; never patient data
	 */
	public RecourseException(RecourseError error, String element, String message) {
		super(message);
		this.error = error;
		this.element = element;
	}

	public RecourseError error() {
		return error;
	}

	public String element() {
		return element;
	}
}
