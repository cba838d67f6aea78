package dev.recourse.common;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * The codes of our {@code recourse-error} code system with the HTTP status and FHIR issue type each
 * one answers with. Codes are part of the contract: add codes, never rename them.
 */
public enum RecourseError {
	INVALID_INPUT("invalid-input", 400, IssueType.INVALID),
	TOO_MANY("too-many", 400, IssueType.TOOCOSTLY),
	UNAUTHORIZED("unauthorized", 401, IssueType.LOGIN),
	FORBIDDEN("forbidden", 403, IssueType.FORBIDDEN),
	NOT_FOUND("not-found", 404, IssueType.NOTFOUND),
	CONFLICT("conflict", 409, IssueType.CONFLICT),
	PRECONDITION_FAILED("precondition-failed", 412, IssueType.CONFLICT),
	TOO_LARGE("too-large", 413, IssueType.TOOLONG),
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, IssueType.NOTSUPPORTED),
	UNPROCESSABLE("unprocessable", 422, IssueType.PROCESSING),
	UPSTREAM_UNAVAILABLE("upstream-unavailable", 502, IssueType.TRANSIENT),
	INTERNAL_ERROR("internal-error", 500, IssueType.EXCEPTION);

	public static final String SYSTEM = "http://recourse.dev/fhir/CodeSystem/recourse-error";

	private final String code;
	private final int httpStatus;
	private final IssueType issueType;

	RecourseError(String code, int httpStatus, IssueType issueType) {
		this.code = code;
		this.httpStatus = httpStatus;
		this.issueType = issueType;
	}

	public String code() {
		return code;
	}

	public int httpStatus() {
		return httpStatus;
	}

	public IssueType issueType() {
		return issueType;
	}

	/** The error a plain HTTP status stands for, for HAPI's own exceptions that carry only a status. */
	public static RecourseError forStatus(int status) {
		return switch (status) {
			case 401 -> UNAUTHORIZED;
			case 403 -> FORBIDDEN;
			case 404, 410 -> NOT_FOUND;
			case 409 -> CONFLICT;
			case 412 -> PRECONDITION_FAILED;
			case 413 -> TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 422 -> UNPROCESSABLE;
			default -> status >= 500 ? INTERNAL_ERROR : INVALID_INPUT;
		};
	}
}
