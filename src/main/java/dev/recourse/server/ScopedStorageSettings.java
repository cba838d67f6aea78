package dev.recourse.server;

import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import java.util.function.Supplier;

/**
 * HAPI's storage settings, with one exception that can be opened for a single write on the current
 * thread: references to absolute URLs. Clients may not store them (links stay inside this server), but
 * an AuditEvent must name what it records by absolute URL — a deleted resource, a launch patient or user
 * that lives in an EHR — and a local link there would either fail the write (the target is gone or was
 * never here) or later block deleting the resource it names.
 */
public class ScopedStorageSettings extends JpaStorageSettings {
	private static final ThreadLocal<Boolean> EXTERNAL_REFERENCES = ThreadLocal.withInitial(() -> false);

	/** Runs one storage call that may index absolute references, whatever the server-wide setting. */
	public static <T> T allowingExternalReferences(Supplier<T> write) {
		boolean before = EXTERNAL_REFERENCES.get();
		EXTERNAL_REFERENCES.set(true);
		try {
			return write.get();
		} finally {
			EXTERNAL_REFERENCES.set(before);
		}
	}

	@Override
	public boolean isAllowExternalReferences() {
		return EXTERNAL_REFERENCES.get() || super.isAllowExternalReferences();
	}
}
