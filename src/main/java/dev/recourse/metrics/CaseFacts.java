package dev.recourse.metrics;

import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Task;

/**
 * What one version of a case Task (and its denial) says for the metrics: who (organization: the denial's requestor;
 * payer: its insurer), what (first denial category, the denied drug or service), where the case stands (stage, pathway,
 * filing deadline) and when (the denial's notice date; the case's lastModified, which is the moment of the change the
 * version records). The first version that is submitted fixes the submission's time, pathway and deadline; the first
 * decided one fixes the decision (see {@link MetricsRows}).
 *
 * @param deniedAt epoch seconds of the denial's {@code created}
 * @param changedAt epoch seconds of the Task's {@code lastModified}
 * @param deadline epoch day of {@code restriction.period.end}
 */
record CaseFacts(String caseId, String orgKey, String payer, String category, String service, Long deniedAt,
		String stage, Long changedAt, String pathway, Long deadline) {
	static final String CASE_TYPE = "http://recourse.dev/fhir/CodeSystem/task-type";
	private static final String EXT = "http://recourse.dev/fhir/StructureDefinition/";
	/** Stages at or after the submission of a request to the payer. */
	static final Set<String> SUBMITTED = Set.of("submitted", "under-review", "more-information-requested", "approved", "upheld",
			"partially-approved");
	static final Set<String> DECIDED = Set.of("approved", "upheld", "partially-approved");

	static boolean isCase(Task task) {
		return hasCode(task, "recourse-case");
	}

	static boolean hasCode(Task task, String code) {
		return task.getCode().getCoding().stream().anyMatch(c -> CASE_TYPE.equals(c.getSystem()) && code.equals(c.getCode()));
	}

	/** @param denial the case's denial, empty when it cannot be read */
	static CaseFacts of(Task task, Optional<ClaimResponse> denial) {
		return new CaseFacts(task.getIdElement().getIdPart(),
				denial.map(d -> OrgKeys.of(d.getRequestor())).orElse(null),
				denial.map(d -> OrgKeys.of(d.getInsurer())).orElse(null),
				firstCode(task, EXT + "denial-category"),
				denial.flatMap(CaseFacts::service).orElse(null),
				denial.filter(ClaimResponse::hasCreated).map(d -> seconds(d.getCreated())).orElse(null),
				task.getBusinessStatus().getCodingFirstRep().getCode(),
				task.hasLastModified() ? seconds(task.getLastModified()) : null,
				firstCode(task, EXT + "pathway"),
				task.getRestriction().getPeriod().hasEnd()
						? LocalDate.parse(task.getRestriction().getPeriod().getEndElement().getValueAsString().substring(0, 10)).toEpochDay()
						: null);
	}

	boolean submitted() {
		return stage != null && SUBMITTED.contains(stage);
	}

	boolean decided() {
		return stage != null && DECIDED.contains(stage);
	}

	/** The denied drug or service: the first coded {@code addItem.productOrService} (PAS puts the request's items there). */
	private static Optional<String> service(ClaimResponse denial) {
		return denial.getAddItem().stream().map(ClaimResponse.AddedItemComponent::getProductOrService)
				.flatMap(concept -> concept.getCoding().stream()).filter(Coding::hasCode)
				.map(coding -> coding.hasSystem() ? coding.getSystem() + "|" + coding.getCode() : coding.getCode()).findFirst();
	}

	/** A case may carry several categories (a denial for medical necessity and step therapy): the row keeps the first, triage's lead. */
	private static String firstCode(Task task, String url) {
		return task.getExtensionsByUrl(url).stream().map(CaseFacts::code).filter(java.util.Objects::nonNull).findFirst().orElse(null);
	}

	private static String code(Extension extension) {
		return extension != null && extension.getValue() instanceof CodeableConcept concept
				? concept.getCodingFirstRep().getCode() : null;
	}

	static long seconds(Date date) {
		return date.toInstant().getEpochSecond();
	}
}
