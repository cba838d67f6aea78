package dev.recourse.denial;

/**
 * A denial that cannot be triaged, e.g. a ClaimResponse that carries no decision at all. Carries a
 * {@code recourse-error} code and a FHIRPath-like location so the server can turn it into an
 * OperationOutcome without reading the message. Lives here until {@code common/} has a shared base class.
 */
public class TriageException extends RuntimeException {

    public static final String INVALID_INPUT = "invalid-input";
    public static final String NOTHING_TO_TRIAGE = "nothing-to-triage";

    private final String errorCode;
    private final String elementPath;

    public TriageException(String errorCode, String elementPath, String message) {
        super(message);
        this.errorCode = errorCode;
        this.elementPath = elementPath;
    }

    /** The {@code recourse-error} code, e.g. "invalid-input". */
    public String errorCode() {
        return errorCode;
    }

    /** Where in the input the problem is, e.g. {@code ClaimResponse.item}. */
    public String elementPath() {
        return elementPath;
    }
}
