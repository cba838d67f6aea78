package dev.recourse.metrics;

import java.util.Optional;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * The payer's decision clock on a submission Task ({@code submission-decision-due}, set from triage's decision time
 * when the request is filed) and the case it is part of. A submission without it leaves the clock measures empty.
 *
 * @param due epoch seconds
 */
record SubmissionClock(String caseId, long due) {
	static final String DECISION_DUE = "http://recourse.dev/fhir/StructureDefinition/submission-decision-due";

	static Optional<SubmissionClock> of(Task submission) {
		Extension due = submission.getExtensionByUrl(DECISION_DUE);
		Optional<String> caseId = submission.getPartOf().stream().map(Reference::getReferenceElement)
				.filter(id -> "Task".equals(id.getResourceType())).map(id -> id.getIdPart()).findFirst();
		if (due == null || !(due.getValue() instanceof DateTimeType time) || !time.hasValue() || caseId.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new SubmissionClock(caseId.get(), time.getValue().toInstant().getEpochSecond()));
	}
}
