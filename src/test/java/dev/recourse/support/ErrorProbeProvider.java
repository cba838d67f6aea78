package dev.recourse.support;

import dev.recourse.security.RequiresAccess;
import dev.recourse.security.SmartScope.Verb;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import dev.recourse.common.OperationProvider;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;

/**
 * Test-only operations: some fail on purpose, so the tests can watch, over HTTP, how a domain error and
 * an unexpected crash reach the caller; others stand in for access declarations no real operation has yet.
 */
public class ErrorProbeProvider implements OperationProvider {
	public static final String SECRET = "Jane Q. Patient, born 1961-02-03";

	@RequiresAccess(resourceType = "Patient", verbs = Verb.READ)
	@Operation(name = "$probe-error", idempotent = true)
	public Parameters probeError(
			@OperationParam(name = "code") CodeType code, @OperationParam(name = "element") StringType element) {
		RecourseError error = java.util.Arrays.stream(RecourseError.values())
				.filter(e -> e.code().equals(code.getValue()))
				.findFirst()
				.orElseThrow();
		throw new RecourseException(error, element == null ? null : element.getValue(), "probe: " + error.code());
	}

	/** Stands in for the payer-side operations until they exist: payers only. */
	@RequiresAccess(resourceType = "Claim", verbs = Verb.READ, payerOnly = true)
	@Operation(name = "$probe-payer", idempotent = true)
	public Parameters probePayer() {
		return new Parameters();
	}

	/** Declares nothing, so no caller may invoke it. */
	@Operation(name = "$probe-undeclared", idempotent = true)
	public Parameters probeUndeclared() {
		return new Parameters();
	}

	@RequiresAccess(resourceType = "Patient", verbs = Verb.READ)
	@Operation(name = "$probe-crash", idempotent = true)
	public Parameters probeCrash() {
		throw new IllegalStateException("unexpected state while handling " + SECRET);
	}
}
