package dev.recourse.payer;

import dev.recourse.common.Digests;
import dev.recourse.outbox.OutboxRecord;
import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.UrlType;

/**
 * The outbox record of one notification owed to one Subscription, a Task: {@code code} task-type#notification,
 * {@code groupIdentifier} the Subscription (by id, not by reference, so the Subscription can still be deleted),
 * {@code identifier} the Subscription and the event's number, {@code focus} the ClaimResponse decided, inputs the
 * decided version, the event number and the FHIR base the request was received under. Its id comes from Subscription
 * and event number, so one event is owed once. Status and the {@code notification-attempts}, {@code -next-attempt},
 * {@code -lease-until} extensions are the shared outbox state ({@link OutboxRecord}).
 */
final class NotificationTask {
	static final String TASK_TYPE = "http://recourse.dev/fhir/CodeSystem/task-type";
	static final String CODE = "notification";
	static final Coding CODING = new Coding(TASK_TYPE, CODE, "Notification of a decision to a subscriber");
	static final OutboxRecord STATE = new OutboxRecord("http://recourse.dev/fhir/StructureDefinition/notification-");
	static final String SUBSCRIPTION_SYSTEM = "http://recourse.dev/fhir/sid/subscription";
	static final String EVENT_SYSTEM = "http://recourse.dev/fhir/sid/subscription-event";
	static final String VERSION_INPUT = "decided-version";
	static final String EVENT_INPUT = "event-number";
	static final String BASE_INPUT = "fhir-base";

	private NotificationTask() {
	}

	/**
	 * @param claimResponse {@code ClaimResponse/<id>} decided
	 * @param version the ClaimResponse's version the decision writes
	 */
	record Event(String subscriptionId, long number, String claimResponse, String version) {
	}

	static String idFor(String subscriptionId, long eventNumber) {
		return "notification-" + Digests.sha256Hex(subscriptionId).substring(0, 24) + "-" + eventNumber;
	}

	static Task of(Event event, String fhirBase, Instant now) {
		Task task = new Task();
		task.setId(idFor(event.subscriptionId(), event.number()));
		task.setIntent(Task.TaskIntent.ORDER);
		task.getCode().addCoding(CODING.copy());
		task.getGroupIdentifier().setSystem(SUBSCRIPTION_SYSTEM).setValue(event.subscriptionId());
		task.addIdentifier().setSystem(EVENT_SYSTEM).setValue(event.subscriptionId() + "#" + event.number());
		task.setFocus(new Reference(event.claimResponse()));
		input(task, VERSION_INPUT, new StringType(event.version()));
		input(task, EVENT_INPUT, new IntegerType(Math.toIntExact(event.number())));
		input(task, BASE_INPUT, new UrlType(fhirBase));
		// to the millisecond: the receiver orders answers by this time (a second-precise one would predate the pended answer)
		task.setAuthoredOnElement(new org.hl7.fhir.r4.model.DateTimeType(Date.from(now), ca.uhn.fhir.model.api.TemporalPrecisionEnum.MILLI));
		task.setLastModified(Date.from(now));
		return STATE.start(task, now);
	}

	static Event event(Task task) {
		return new Event(task.getGroupIdentifier().getValue(), Long.parseLong(input(task, EVENT_INPUT)), task.getFocus().getReference(),
				input(task, VERSION_INPUT));
	}

	static String fhirBase(Task task) {
		return input(task, BASE_INPUT);
	}

	static Instant decided(Task task) {
		return task.getAuthoredOn().toInstant();
	}

	/** Done: delivered, the recipient answered 2xx. */
	static Task delivered(Task claimed) {
		return STATE.completed(claimed);
	}

	private static void input(Task task, String name, Type value) {
		task.addInput().setValue(value).getType().setText(name);
	}

	private static String input(Task task, String name) {
		return task.getInput().stream().filter(input -> name.equals(input.getType().getText()))
				.map(input -> input.getValue().primitiveValue()).findFirst().orElseThrow();
	}
}
