package dev.recourse.security.audit;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Writes an operation makes in bulk on its caller's behalf, audited as one: the operation's own
 * AuditEvent names the patients written for, and the operation stores a Provenance listing every
 * resource — rather than one BALP event per stored resource (a thousand for one chart pull, most of
 * the cost of storing it). Reads, and writes outside the block, are audited as always.
 */
public final class OperationWrites {
	static final String SUMMARIZING = OperationWrites.class.getName() + ".summarizing";
	static final String PATIENTS = OperationWrites.class.getName() + ".patients";

	private OperationWrites() {
	}

	/**
	 * @param patients the patients the writes are for, as {@code Patient/<id>}, named by the operation's event
	 * @param writes the writes; the caller stores a Provenance of them among them
	 */
	public static <T> T auditedAsOne(RequestDetails request, Set<String> patients, Supplier<T> writes) {
		Optional<HttpServletRequest> http = http(request);
		if (http.isEmpty()) {
			return writes.get();
		}
		HttpServletRequest servlet = http.get();
		patients(servlet).addAll(patients);
		servlet.setAttribute(SUMMARIZING, Boolean.TRUE);
		try {
			return writes.get();
		} finally {
			servlet.removeAttribute(SUMMARIZING);
		}
	}

	static void naming(RequestDetails request, String patient) {
		http(request).filter(OperationWrites::summarizing).ifPresent(servlet -> patients(servlet).add(patient));
	}

	static boolean summarizing(HttpServletRequest request) {
		return Boolean.TRUE.equals(request.getAttribute(SUMMARIZING));
	}

	@SuppressWarnings("unchecked")
	static Set<String> patients(HttpServletRequest request) {
		Set<String> patients = (Set<String>) request.getAttribute(PATIENTS);
		if (patients == null) {
			patients = new TreeSet<>();
			request.setAttribute(PATIENTS, patients);
		}
		return patients;
	}

	private static Optional<HttpServletRequest> http(RequestDetails request) {
		return request instanceof ServletRequestDetails servlet && servlet.getServletRequest() != null
				? Optional.of(servlet.getServletRequest()) : Optional.empty();
	}
}
