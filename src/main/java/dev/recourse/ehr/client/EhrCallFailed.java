package dev.recourse.ehr.client;

/**
 * An EHR call that did not give a usable answer after the retries it deserved. The message says what
 * failed in words a specialist or integrator can act on; it never carries patient data, tokens, or the
 * EHR's response body.
 */
public class EhrCallFailed extends RuntimeException {
	private final boolean endpointDown;

	EhrCallFailed(String message, boolean endpointDown, Throwable cause) {
		super(message, cause);
		this.endpointDown = endpointDown;
	}

	/** Whether the EHR as a whole is unreachable (circuit open, connection refused), not just this request. */
	public boolean endpointDown() {
		return endpointDown;
	}
}
