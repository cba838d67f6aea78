package dev.recourse.submission;

import dev.recourse.common.Digests;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

/**
 * The local record of our PAS Subscription at one payer, a Task of the outbox kind: {@code code}
 * task-type#payer-subscription, {@code input} payer-endpoint, id {@code payer-subscription-<endpoint id>} (so a payer has
 * one, whatever the number of instances), status requested (to be made) / in-progress (claimed, with a lease) /
 * completed ({@code output} the Subscription at the payer). The bearer secret the payer sends with each notification is
 * kept only as its SHA-256 digest ({@code payer-subscription-secret}): enough to check it, useless to forge one.
 */
final class PayerSubscriptionTask {
	static final String CODE = "payer-subscription";
	static final String SECRET_DIGEST = "http://recourse.dev/fhir/StructureDefinition/payer-subscription-secret";
	private static final String SUBSCRIPTION_OUTPUT = "payer-subscription";

	private PayerSubscriptionTask() {
	}

	static String idFor(String endpointId) {
		return "payer-subscription-" + endpointId;
	}

	static Task of(String endpointId, Instant now) {
		Task task = new Task();
		task.setId(idFor(endpointId));
		task.setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
		task.getCode().addCoding(new Coding(SubmissionTask.TASK_TYPE, CODE, "Subscription to a payer's PAS decision notifications"));
		task.addInput().setValue(new Reference("Endpoint/" + endpointId)).getType().setText(SubmissionTask.ENDPOINT_INPUT);
		task.setAuthoredOn(Date.from(now));
		task.setLastModified(Date.from(now));
		return SubmissionTask.STATE.start(task, now);
	}

	/** The claimed record, now expecting the secret of this digest: the one sent to the payer in this attempt. */
	static Task expecting(Task claimed, String secret) {
		dev.recourse.outbox.OutboxRecord.set(claimed, SECRET_DIGEST, new StringType(digest(secret)));
		return claimed;
	}

	static Task completed(Task claimed, String subscriptionUrl) {
		Task task = SubmissionTask.STATE.completed(claimed);
		task.getExtension().removeIf(extension -> extension.getUrl().equals(SubmissionTask.OUTCOME_UNKNOWN));
		task.getOutput().clear();
		task.addOutput().setValue(new Reference(subscriptionUrl)).getType().setText(SUBSCRIPTION_OUTPUT);
		return task;
	}

	/** The digest of the secret the payer's notifications must carry; empty before a subscription was attempted. */
	static Optional<String> secretDigest(Task task) {
		Extension found = task.getExtensionByUrl(SECRET_DIGEST);
		return found == null ? Optional.empty() : Optional.ofNullable(found.getValue().primitiveValue());
	}

	static String digest(String secret) {
		return "sha256:" + Digests.sha256Hex(secret);
	}
}
