package dev.recourse.submission;

import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import dev.recourse.casework.CaseNextStep;
import dev.recourse.casework.PlanRecords;
import dev.recourse.filing.CaseStanding;
import dev.recourse.filing.MissedClock;
import dev.recourse.filing.MissedClockRules;
import dev.recourse.pathway.PathwayCode;
import dev.recourse.server.LocalRepositories;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * Records on the case that a payer let its decision clock run out: the case (open, miss not yet recorded) → the
 * consequence for its regime (rules/missed-decision-clocks.yaml) → {@link MissedClock} extension → the case's standing
 * again with it (deemed exhaustion raises the level) → triage's next step and deadline → a note → PUT under If-Match,
 * re-read and retried when another change came between.
 */
@Component
class MissedClockRecorder {
	private static final int TRIES = 5;
	private final LocalRepositories repositories;
	private final CaseStanding standing;
	private final MissedClockRules rules;

	MissedClockRecorder(LocalRepositories repositories, CaseStanding standing, MissedClockRules rules) {
		this.repositories = repositories;
		this.standing = standing;
		this.rules = rules;
	}

	/** @return whether this call recorded it (false: already recorded, or the case is closed) */
	boolean record(Task submission, ClaimResponse pended) {
		IRepository store = repositories.forServer();
		IdType caseId = new IdType(submission.getPartOfFirstRep().getReference()).toUnqualifiedVersionless();
		String reference = "Task/" + submission.getIdElement().getIdPart();
		for (int attempt = 1; ; attempt++) {
			Task caseTask = store.read(Task.class, caseId);
			if (caseTask.getStatus() == Task.TaskStatus.COMPLETED || caseTask.getStatus() == Task.TaskStatus.CANCELLED
					|| MissedClock.recorded(caseTask, reference)) {
				return false;
			}
			try {
				Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
				SubmissionOutbox.put(transaction, recorded(store, caseTask, submission, pended), caseTask.getIdElement().getVersionIdPart());
				store.transaction(transaction);
				return true;
			} catch (BaseServerResponseException e) {
				if (!SubmissionOutbox.isConflict(e) || attempt >= TRIES) {
					throw e;
				}
			}
		}
	}

	private Task recorded(IRepository store, Task caseTask, Task submission, ClaimResponse pended) {
		ClaimResponse denial = store.read(ClaimResponse.class, new IdType(caseTask.getFocus().getReference()).toUnqualifiedVersionless());
		Optional<Coverage> coverage = PlanRecords.caseCoverage(store, caseTask, denial);
		CaseStanding.Standing before = standing.of(store, caseTask, denial, coverage);
		Optional<MissedClockRules.Rule> rule = rules.forRegime(before.triage().planRegime());
		Instant due = SubmissionTask.decisionDue(submission).orElseThrow();
		MissedClock missed = new MissedClock("Task/" + submission.getIdElement().getIdPart(), pathway(store, submission).orElse(null),
				pended.hasCreated() ? pended.getCreated().toInstant() : submission.getAuthoredOn().toInstant(), due,
				SubmissionTask.decisionClock(submission).orElse("the pathway's decision clock"),
				rule.map(MissedClockRules.Rule::consequence), rule.map(r -> r.citation().text()));
		Task updated = caseTask.copy();
		updated.addExtension(missed.toExtension());
		CaseNextStep step = CaseNextStep.of(standing.of(store, updated, denial, coverage).triage());
		step.applyTo(updated);
		updated.setLastModified(new Date());
		updated.addNote().setTime(new Date()).setText("The payer's decision on " + missed.submission() + " was due " + due + " ("
				+ missed.regulation() + ") and has not come. " + rule.map(r -> r.consequence() + " (" + r.citation().text() + ") ").orElse("")
				+ "Next: " + step.describe() + "; a regulator complaint may cite the missed clock.");
		return updated;
	}

	private static Optional<String> pathway(IRepository store, Task submission) {
		try {
			Bundle packet = store.read(Bundle.class, new IdType(submission.getFocus().getReference()));
			return DecisionClocks.pathway(packet).map(PathwayCode::code);
		} catch (BaseServerResponseException gone) {
			return Optional.empty();
		}
	}
}
