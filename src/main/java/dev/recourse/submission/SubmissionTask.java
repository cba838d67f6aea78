package dev.recourse.submission;

import dev.recourse.common.Digests;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * The outbox record of one submission, a Task: {@code code} task-type#submission, {@code identifier} the packet's
 * identifier (the idempotency key, which also names the Task), {@code focus} the packet version sent, {@code input}
 * payer-endpoint the payer Endpoint, {@code partOf} the case. Its status is the outbox state: requested (waiting to be sent),
 * in-progress (claimed by a sender until {@code lease-until}), completed (the payer's answer is stored and linked in
 * {@code output}), failed (the payer refused it, or every attempt is spent); extensions count the attempts, say when
 * the next is due and whether an earlier one may have reached the payer ({@code outcome-unknown}).
 */
final class SubmissionTask {
	static final String TASK_TYPE = "http://recourse.dev/fhir/CodeSystem/task-type";
	static final String CODE = "submission";
	static final String KEY_SYSTEM = "urn:ietf:rfc:3986";
	static final String ENDPOINT_INPUT = "payer-endpoint";
	private static final String EXTENSIONS = "http://recourse.dev/fhir/StructureDefinition/submission-";
	static final String ATTEMPTS = EXTENSIONS + "attempts";
	static final String NEXT_ATTEMPT = EXTENSIONS + "next-attempt";
	static final String LEASE_UNTIL = EXTENSIONS + "lease-until";
	static final String OUTCOME_UNKNOWN = EXTENSIONS + "outcome-unknown";

	private SubmissionTask() {
	}

	/** The Task's id for a packet identifier: the same packet always has the same submission. */
	static String idFor(String packetIdentifier) {
		return "submission-" + Digests.sha256Hex(packetIdentifier).substring(0, 40);
	}

	static Task of(Task caseTask, Bundle packet, String endpointId, Instant now) {
		Task task = new Task();
		task.setId(idFor(packet.getIdentifier().getValue()));
		task.addIdentifier().setSystem(KEY_SYSTEM).setValue(packet.getIdentifier().getValue());
		task.setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
		task.getCode().addCoding(new Coding(TASK_TYPE, CODE, "Submission of a packet to the payer"));
		task.addPartOf(new Reference("Task/" + caseTask.getIdElement().getIdPart()));
		task.setFor(caseTask.getFor().copy());
		task.setFocus(new Reference("Bundle/" + packet.getIdElement().getIdPart() + "/_history/" + packet.getMeta().getVersionId()));
		task.addInput().setValue(new Reference("Endpoint/" + endpointId)).getType().setText(ENDPOINT_INPUT);
		task.setAuthoredOn(Date.from(now));
		task.setLastModified(Date.from(now));
		task.addExtension(ATTEMPTS, new IntegerType(0));
		task.addExtension(NEXT_ATTEMPT, new DateTimeType(Date.from(now)));
		return task;
	}

	static int attempts(Task task) {
		Extension found = task.getExtensionByUrl(ATTEMPTS);
		return found == null ? 0 : ((IntegerType) found.getValue()).getValue();
	}

	static Instant nextAttempt(Task task) {
		return instant(task, NEXT_ATTEMPT).orElse(Instant.EPOCH);
	}

	static Optional<Instant> leaseUntil(Task task) {
		return instant(task, LEASE_UNTIL);
	}

	static boolean outcomeUnknown(Task task) {
		Extension found = task.getExtensionByUrl(OUTCOME_UNKNOWN);
		return found != null && ((BooleanType) found.getValue()).booleanValue();
	}

	static String endpointId(Task task) {
		return task.getInput().stream().filter(input -> ENDPOINT_INPUT.equals(input.getType().getText()))
				.map(input -> ((Reference) input.getValue()).getReferenceElement().getIdPart()).findFirst().orElseThrow();
	}

	/** May a sender take it now: waiting, or claimed by one whose lease ran out (it stopped midway). */
	static boolean claimable(Task task, Instant now) {
		return task.getStatus() == Task.TaskStatus.REQUESTED
				|| task.getStatus() == Task.TaskStatus.INPROGRESS && leaseUntil(task).map(now::isAfter).orElse(true);
	}

	static boolean due(Task task, Instant now) {
		return task.getStatus() == Task.TaskStatus.REQUESTED ? !nextAttempt(task).isAfter(now) : claimable(task, now);
	}

	/** The claimed copy: in-progress until the lease ends, one attempt more; a taken-over claim's outcome is unknown. */
	static Task claimed(Task task, Instant now, Instant leaseUntil) {
		Task claimed = task.copy();
		if (task.getStatus() == Task.TaskStatus.INPROGRESS) {
			set(claimed, OUTCOME_UNKNOWN, new BooleanType(true));
		}
		claimed.setStatus(Task.TaskStatus.INPROGRESS);
		set(claimed, ATTEMPTS, new IntegerType(attempts(task) + 1));
		set(claimed, LEASE_UNTIL, new DateTimeType(Date.from(leaseUntil)));
		claimed.setLastModified(Date.from(now));
		return claimed;
	}

	/** Waiting again, until {@code next}; {@code unknown}: the attempt may have reached the payer. */
	static Task retryLater(Task claimed, String reason, boolean unknown, Instant next) {
		Task task = released(claimed, Task.TaskStatus.REQUESTED, reason);
		set(task, NEXT_ATTEMPT, new DateTimeType(Date.from(next)));
		set(task, OUTCOME_UNKNOWN, new BooleanType(unknown || outcomeUnknown(claimed)));
		return task;
	}

	static Task failed(Task claimed, String reason) {
		return released(claimed, Task.TaskStatus.FAILED, reason);
	}

	/** Never to be sent: a newer packet of the case replaced it before it reached the payer. */
	static Task cancelled(Task claimed, String reason) {
		return released(claimed, Task.TaskStatus.CANCELLED, reason);
	}

	static Task completed(Task claimed, String responseBundle, String claimResponse) {
		Task task = released(claimed, Task.TaskStatus.COMPLETED, null);
		task.getExtension().removeIf(extension -> extension.getUrl().equals(OUTCOME_UNKNOWN) || extension.getUrl().equals(NEXT_ATTEMPT));
		output(task, responseBundle, "Payer response Bundle");
		output(task, claimResponse, "Payer response");
		return task;
	}

	static Optional<String> output(Task task, String type) {
		return task.getOutput().stream().map(Task.TaskOutputComponent::getValue).filter(Reference.class::isInstance)
				.map(value -> ((Reference) value).getReference()).filter(reference -> reference.startsWith(type + "/")).findFirst();
	}

	private static void output(Task task, String reference, String display) {
		task.addOutput().setValue(new Reference(reference)).getType()
				.addCoding(new Coding("http://recourse.dev/fhir/CodeSystem/artifact-type", "payer-response", display));
	}

	static Task released(Task claimed, Task.TaskStatus status, String reason) {
		Task task = claimed.copy();
		task.setStatus(status);
		task.getExtension().removeIf(extension -> extension.getUrl().equals(LEASE_UNTIL));
		task.setStatusReason(reason == null ? null : new CodeableConcept().setText(reason));
		task.setLastModified(new Date());
		return task;
	}

	static void set(Task task, String url, org.hl7.fhir.r4.model.Type value) {
		task.getExtension().removeIf(extension -> extension.getUrl().equals(url));
		task.addExtension(url, value);
	}

	private static Optional<Instant> instant(Task task, String url) {
		Extension found = task.getExtensionByUrl(url);
		return found == null ? Optional.empty() : Optional.of(((DateTimeType) found.getValue()).getValue().toInstant());
	}
}
