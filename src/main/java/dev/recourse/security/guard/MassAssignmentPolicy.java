package dev.recourse.security.guard;

import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.security.Caller;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseCoding;
import org.hl7.fhir.instance.model.api.IBaseMetaType;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * What a SMART app acting for a patient or a user (no {@code system/} scope) may not decide about a
 * resource it writes: its security labels and tags, which other rules and readers trust to confine access
 * and route work, and its id, which names it for everyone. Backend services, being the systems of record,
 * may. Each refusal is 403 naming the element.
 *
 * <p>The rule is about what the caller sends that differs from what is stored. HAPI merges labels on
 * update (labels left out are kept), so leaving stored labels out changes nothing and is fine; only with
 * HAPI's {@code X-Meta-Snapshot-Mode} header does leaving them out remove them, and then it is refused.
 */
final class MassAssignmentPolicy {

	/** The two kinds of label, with the token HAPI's snapshot-mode header uses for each. */
	enum Label {
		SECURITY("meta.security", "SECURITY_LABEL", IBaseMetaType::getSecurity),
		TAG("meta.tag", "TAG", IBaseMetaType::getTag);

		private final String element;
		private final String snapshotToken;
		private final Function<IBaseMetaType, List<? extends IBaseCoding>> codings;

		Label(String element, String snapshotToken, Function<IBaseMetaType, List<? extends IBaseCoding>> codings) {
			this.element = element;
			this.snapshotToken = snapshotToken;
			this.codings = codings;
		}

		String snapshotToken() {
			return snapshotToken;
		}

		/** system|code of each label; display, version and userSelected do not change what a label means. */
		Set<String> of(IBaseResource resource) {
			Set<String> keys = new LinkedHashSet<>();
			if (resource != null) {
				codings.apply(resource.getMeta()).forEach(coding -> keys.add(coding.getSystem() + "|" + coding.getCode()));
			}
			return keys;
		}
	}

	private MassAssignmentPolicy() {}

	/** A new resource from such a caller carries no labels. */
	static void checkCreate(Caller caller, IBaseResource sent) {
		checkUpdate(caller, null, sent, Set.of());
	}

	/**
	 * Such a caller adds no label the stored version lacks, and removes none it has.
	 *
	 * @param stored the current version; null when there is none
	 * @param replaced the kinds of label the request replaces wholesale (HAPI's snapshot mode) instead of merging
	 */
	static void checkUpdate(Caller caller, IBaseResource stored, IBaseResource sent, Set<Label> replaced) {
		if (caller.isBackendService()) {
			return;
		}
		for (Label label : Label.values()) {
			Set<String> before = label.of(stored);
			Set<String> after = label.of(sent);
			boolean adds = !before.containsAll(after);
			boolean removes = replaced.contains(label) && !after.containsAll(before);
			if (adds || removes) {
				throw forbidden(sent, label.element, "Only backend services (system scopes) may "
						+ (adds ? "set" : "remove") + " " + label.element + "; send the labels as stored, or none");
			}
		}
	}

	/** Such a caller does not pick the id of a new resource: update-as-create is for backend services. */
	static void checkChosenId(Caller caller, IBaseResource sent) {
		if (!caller.isBackendService()) {
			throw forbidden(sent, "id", "Only backend services (system scopes) may choose the id of a new resource;"
					+ " create it with POST and use the id the server assigns");
		}
	}

	/** {@code $meta-add} and {@code $meta-delete} change nothing but labels, so such a caller may call neither. */
	static void checkMetaOperation(Caller caller, String operation) {
		if (!caller.isBackendService()) {
			throw new RecourseException(RecourseError.FORBIDDEN, "meta",
					"Only backend services (system scopes) may call " + operation);
		}
	}

	private static RecourseException forbidden(IBaseResource resource, String element, String message) {
		return new RecourseException(RecourseError.FORBIDDEN, resource.fhirType() + "." + element, message);
	}
}
