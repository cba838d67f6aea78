package dev.recourse.outbox;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Type;

/**
 * The delivery state of an outbox Task that {@code Task.status} does not hold, in three extensions named under the
 * feature's prefix ({@code <prefix>attempts}, {@code next-attempt}, {@code lease-until}). Status is the outbox state:
 * requested (waiting, due at next-attempt), in-progress (claimed until lease-until), completed, failed.
 *
 * @param extensionPrefix e.g. {@code http://recourse.dev/fhir/StructureDefinition/submission-}
 */
public record OutboxRecord(String extensionPrefix) {

	public String attemptsUrl() {
		return extensionPrefix + "attempts";
	}

	public String nextAttemptUrl() {
		return extensionPrefix + "next-attempt";
	}

	public String leaseUntilUrl() {
		return extensionPrefix + "lease-until";
	}

	/** A new record's state: waiting, due now, no attempt yet. */
	public Task start(Task task, Instant now) {
		task.setStatus(Task.TaskStatus.REQUESTED);
		set(task, attemptsUrl(), new IntegerType(0));
		set(task, nextAttemptUrl(), new DateTimeType(Date.from(now)));
		return task;
	}

	public int attempts(Task task) {
		Extension found = task.getExtensionByUrl(attemptsUrl());
		return found == null ? 0 : ((IntegerType) found.getValue()).getValue();
	}

	public Instant nextAttempt(Task task) {
		return instant(task, nextAttemptUrl()).orElse(Instant.EPOCH);
	}

	public Optional<Instant> leaseUntil(Task task) {
		return instant(task, leaseUntilUrl());
	}

	/** May a sender take it now: waiting, or claimed by one whose lease ran out (it stopped midway). */
	public boolean claimable(Task task, Instant now) {
		return task.getStatus() == Task.TaskStatus.REQUESTED
				|| task.getStatus() == Task.TaskStatus.INPROGRESS && leaseUntil(task).map(now::isAfter).orElse(true);
	}

	public boolean due(Task task, Instant now) {
		return task.getStatus() == Task.TaskStatus.REQUESTED ? !nextAttempt(task).isAfter(now) : claimable(task, now);
	}

	/** The claimed copy: in-progress until the lease ends, one attempt more. */
	public Task claimed(Task task, Instant now, Instant leaseUntil) {
		Task claimed = task.copy();
		claimed.setStatus(Task.TaskStatus.INPROGRESS);
		set(claimed, attemptsUrl(), new IntegerType(attempts(task) + 1));
		set(claimed, leaseUntilUrl(), new DateTimeType(Date.from(leaseUntil)));
		claimed.setLastModified(Date.from(now));
		return claimed;
	}

	/** Waiting again, until {@code next}, with the reason the attempt did not settle it. */
	public Task retryLater(Task claimed, String reason, Instant next) {
		Task task = released(claimed, Task.TaskStatus.REQUESTED, reason);
		set(task, nextAttemptUrl(), new DateTimeType(Date.from(next)));
		return task;
	}

	public Task failed(Task claimed, String reason) {
		return released(claimed, Task.TaskStatus.FAILED, reason);
	}

	/** Done: no lease, nothing due. */
	public Task completed(Task claimed) {
		Task task = released(claimed, Task.TaskStatus.COMPLETED, null);
		task.getExtension().removeIf(extension -> extension.getUrl().equals(nextAttemptUrl()));
		return task;
	}

	/** Out of the claimer's hands at {@code status}, with the reason in words (none: null). */
	public Task released(Task claimed, Task.TaskStatus status, String reason) {
		Task task = claimed.copy();
		task.setStatus(status);
		task.getExtension().removeIf(extension -> extension.getUrl().equals(leaseUntilUrl()));
		task.setStatusReason(reason == null ? null : new CodeableConcept().setText(reason));
		task.setLastModified(new Date());
		return task;
	}

	/** Sets the one extension of this URL. */
	public static void set(Task task, String url, Type value) {
		task.getExtension().removeIf(extension -> extension.getUrl().equals(url));
		task.addExtension(url, value);
	}

	private static Optional<Instant> instant(Task task, String url) {
		Extension found = task.getExtensionByUrl(url);
		return found == null ? Optional.empty() : Optional.of(((DateTimeType) found.getValue()).getValue().toInstant());
	}
}
