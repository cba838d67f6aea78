package dev.recourse.security.audit;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads an operation makes of one patient's chart on its caller's behalf, audited as one: the operation's own
 * AuditEvent names the patient, instead of one BALP event per search page and per read inside it (a criteria map
 * reads a chart in dozens of searches; their events were a fifth of its cost). Writes are not to be made inside:
 * they are audited as always outside the block, or through {@link OperationWrites} with a Provenance.
 */
public final class OperationReads {
	private OperationReads() {
	}

	/** @param patients the patients read, as {@code Patient/<id>}, named by the operation's event */
	public static <T> T auditedAsOne(RequestDetails request, Set<String> patients, Supplier<T> reads) {
		return OperationWrites.auditedAsOne(request, patients, reads);
	}

	/**
	 * Names one more patient for the operation's event, from inside the block: for an operation that learns whose chart
	 * it reads from its first read (the case), which is then part of the one event instead of an event of its own.
	 *
	 * @param patient {@code Patient/<id>}
	 */
	public static void naming(RequestDetails request, String patient) {
		OperationWrites.naming(request, patient);
	}
}
