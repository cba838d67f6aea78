package dev.recourse.submission;

import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import dev.recourse.casework.CaseStages;
import dev.recourse.outbox.TaskOutbox;
import dev.recourse.server.LocalRepositories;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * The outbox's writes, every one a version-checked update ({@code If-Match}) of the submission Task, so that of
 * several senders on one database — threads, instances — exactly one wins each step: one records a packet's
 * submission, one claims it for an attempt, and only the claimer settles that attempt. The outbox is the server's
 * own work (the drain runs with no caller), so it writes as the server.
 */
@Component
class SubmissionOutbox {
	private final LocalRepositories repositories;
	private final TaskOutbox tasks;

	SubmissionOutbox(LocalRepositories repositories, SubmissionProperties settings) {
		this.repositories = repositories;
		this.tasks = new TaskOutbox(repositories, settings.timing(), SubmissionTask.STATE,
				new Coding(SubmissionTask.TASK_TYPE, SubmissionTask.CODE, null));
	}

	/**
	 * The packet's submission, recorded now when there is none: in one transaction with the case moving to
	 * {@code submitted} under If-Match on the case version, so two concurrent records of one case cannot both win.
	 */
	Task record(Task caseTask, Bundle packet, String endpointId) {
		String id = SubmissionTask.idFor(packet.getIdentifier().getValue());
		Optional<Task> existing = find(id);
		if (existing.isPresent()) {
			return existing.get();
		}
		Instant now = Instant.now();
		Task submission = SubmissionTask.of(caseTask, packet, endpointId, now);
		Task updatedCase = caseTask.copy();
		updatedCase.setBusinessStatus(CaseStages.concept("submitted"));
		updatedCase.setLastModified(Date.from(now)); // a change even when the stage is already submitted: the version check bites
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		put(transaction, submission, null);
		put(transaction, updatedCase, caseTask.getIdElement().getVersionIdPart());
		try {
			store().transaction(transaction);
		} catch (BaseServerResponseException e) {
			// another request recorded it (or changed the case) meanwhile: theirs stands
			return find(id).orElseThrow(() -> e);
		}
		return find(id).orElseThrow();
	}

	Optional<Task> find(String id) {
		return tasks.find(id);
	}

	/** The submissions due now: waiting and due, or claimed past their lease. */
	java.util.List<Task> due() {
		return tasks.due();
	}

	/** The submission claimed for one attempt by this sender, or empty when it is not claimable or another sender won. */
	Optional<Task> claim(Task submission) {
		return claim(submission, UnaryOperator.identity());
	}

	/** As {@link #claim(Task)}, with what the claimer changes besides (written in the same version-checked update). */
	Optional<Task> claim(Task task, UnaryOperator<Task> change) {
		Instant now = Instant.now();
		if (!SubmissionTask.claimable(task, now)) {
			return Optional.empty();
		}
		return tasks.write(change.apply(SubmissionTask.claimed(task, now, tasks.leaseFrom(now))), task);
	}

	/** The Task stored under its id unless one is there already (create-only: If-Match 0); the one stored either way. */
	Task createOnce(Task task) {
		String id = task.getIdElement().getIdPart();
		Optional<Task> existing = find(id);
		if (existing.isPresent()) {
			return existing.get();
		}
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		put(transaction, task, "0");
		try {
			store().transaction(transaction);
		} catch (BaseServerResponseException e) {
			if (!isConflict(e)) {
				throw e;
			}
		}
		return find(id).orElseThrow();
	}

	/** Writes the claimer's outcome of its attempt; empty when its claim was taken over meanwhile. */
	Optional<Task> settle(Task outcome, Task claimed) {
		return tasks.write(outcome, claimed);
	}

	/** When the attempt after {@code attempts} is due: the initial backoff doubled per attempt, at most the max. */
	Instant nextAttempt(int attempts, Instant now) {
		return tasks.nextAttempt(attempts, now);
	}

	boolean attemptsSpent(Task claimed) {
		return tasks.attemptsSpent(claimed);
	}

	static void put(Bundle transaction, Task task, String ifMatchVersion) {
		TaskOutbox.put(transaction, task, ifMatchVersion);
	}

	static boolean isConflict(BaseServerResponseException e) {
		return TaskOutbox.isConflict(e);
	}

	private IRepository store() {
		return repositories.forServer();
	}
}
