package dev.recourse.submission;

import dev.recourse.common.Digests;
import dev.recourse.outbox.OutboxRecord;
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
	/** attempts, next-attempt, lease-until: the shared outbox state under this feature's names. */
	static final OutboxRecord STATE = new OutboxRecord(EXTENSIONS);
	static final String ATTEMPTS = STATE.attemptsUrl();
	static final String NEXT_ATTEMPT = STATE.nextAttemptUrl();
	static final String LEASE_UNTIL = STATE.leaseUntilUrl();
	static final String OUTCOME_UNKNOWN = EXTENSIONS + "outcome-unknown";
	/** When the payer's decision on the pended request is due (read by metrics too: keep the URL). */
	public static final String DECISION_DUE = EXTENSIONS + "decision-due";
	/** The clock behind {@link #DECISION_DUE}: its id and citation. */
	static final String DECISION_CLOCK = EXTENSIONS + "decision-clock";

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
		task.setIntent(Task.TaskIntent.ORDER);
		task.getCode().addCoding(new Coding(TASK_TYPE, CODE, "Submission of a packet to the payer"));
		task.addPartOf(new Reference("Task/" + caseTask.getIdElement().getIdPart()));
		task.setFor(caseTask.getFor().copy());
		task.setFocus(new Reference("Bundle/" + packet.getIdElement().getIdPart() + "/_history/" + packet.getMeta().getVersionId()));
		task.addInput().setValue(new Reference("Endpoint/" + endpointId)).getType().setText(ENDPOINT_INPUT);
		task.setAuthoredOn(Date.from(now));
		task.setLastModified(Date.from(now));
		return STATE.start(task, now);
	}

	static int attempts(Task task) {
		return STATE.attempts(task);
	}

	static Instant nextAttempt(Task task) {
		return STATE.nextAttempt(task);
	}

	static Optional<Instant> leaseUntil(Task task) {
		return STATE.leaseUntil(task);
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
		return STATE.claimable(task, now);
	}

	static boolean due(Task task, Instant now) {
		return STATE.due(task, now);
	}

	/** The claimed copy: in-progress until the lease ends, one attempt more; a taken-over claim's outcome is unknown. */
	static Task claimed(Task task, Instant now, Instant leaseUntil) {
		Task claimed = STATE.claimed(task, now, leaseUntil);
		if (task.getStatus() == Task.TaskStatus.INPROGRESS) {
			OutboxRecord.set(claimed, OUTCOME_UNKNOWN, new BooleanType(true));
		}
		return claimed;
	}

	/** Waiting again, until {@code next}; {@code unknown}: the attempt may have reached the payer. */
	static Task retryLater(Task claimed, String reason, boolean unknown, Instant next) {
		Task task = STATE.retryLater(claimed, reason, next);
		OutboxRecord.set(task, OUTCOME_UNKNOWN, new BooleanType(unknown || outcomeUnknown(claimed)));
		return task;
	}

	static Task failed(Task claimed, String reason) {
		return STATE.failed(claimed, reason);
	}

	/** Never to be sent: a newer packet of the case replaced it before it reached the payer. */
	static Task cancelled(Task claimed, String reason) {
		return STATE.released(claimed, Task.TaskStatus.CANCELLED, reason);
	}

	static Task completed(Task claimed, String responseBundle, String claimResponse) {
		Task task = STATE.completed(claimed);
		task.getExtension().removeIf(extension -> extension.getUrl().equals(OUTCOME_UNKNOWN));
		output(task, responseBundle, "Payer response Bundle");
		output(task, claimResponse, "Payer response");
		return task;
	}

	/** Records when the payer's decision is due, and under which rule. */
	static void decisionDue(Task task, dev.recourse.pathway.DecisionDue due) {
		OutboxRecord.set(task, DECISION_DUE, dev.recourse.filing.MissedClock.dateTime(due.due()));
		OutboxRecord.set(task, DECISION_CLOCK, new org.hl7.fhir.r4.model.StringType(due.clock().id() + ": " + due.clock().citation().text()));
	}

	static Optional<Instant> decisionDue(Task task) {
		Extension found = task.getExtensionByUrl(DECISION_DUE);
		return found == null ? Optional.empty() : Optional.of(((DateTimeType) found.getValue()).getValue().toInstant());
	}

	/** The citation of the decision clock (after its id). */
	static Optional<String> decisionClock(Task task) {
		Extension found = task.getExtensionByUrl(DECISION_CLOCK);
		return found == null ? Optional.empty() : Optional.of(found.getValue().primitiveValue().replaceFirst("^[^:]*: ", ""));
	}

	static Optional<String> output(Task task, String type) {
		return task.getOutput().stream().map(Task.TaskOutputComponent::getValue).filter(Reference.class::isInstance)
				.map(value -> ((Reference) value).getReference()).filter(reference -> reference.startsWith(type + "/")).findFirst();
	}

	private static void output(Task task, String reference, String display) {
		task.addOutput().setValue(new Reference(reference)).getType()
				.addCoding(new Coding("http://recourse.dev/fhir/CodeSystem/artifact-type", "payer-response", display));
	}
}
