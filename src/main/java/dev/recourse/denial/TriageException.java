package dev.recourse.denial;

import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;

/**
 * A denial that cannot be triaged, e.g. a ClaimResponse that carries no decision at all. Carries a
 * {@code recourse-error} code and a FHIRPath-like location so the server can turn it into an
 * OperationOutcome without reading the message. The server answers it as a 400
 * ({@code invalid-input}) or 422 ({@code nothing-to-triage} → {@code unprocessable}).
 */
public class TriageException extends RecourseException {

    public static final String INVALID_INPUT = "invalid-input";
    public static final String NOTHING_TO_TRIAGE = "nothing-to-triage";

    private final String errorCode;
    private final String elementPath;

    public TriageException(String errorCode, String elementPath, String message) {
        super(NOTHING_TO_TRIAGE.equals(errorCode) ? RecourseError.UNPROCESSABLE : RecourseError.INVALID_INPUT,
                elementPath, message);
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
