package dev.recourse.outbox;

import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.param.NumberParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.Multimap;
import dev.recourse.server.LocalRepositories;
import dev.recourse.server.Searches;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;

/**
 * An outbox's writes, every one a version-checked update ({@code If-Match}) of its Task, so that of several senders
 * on one database — threads, instances — exactly one wins each step: one claims a record for an attempt, and only the
 * claimer settles that attempt. HAPI checks the version inside the write's transaction; the loser gets 409/412 and
 * gives way. The outbox is the server's own work (the drain runs with no caller), so it reads and writes as the server.
 */
public final class TaskOutbox {
	private static final int BATCH = 50;
	private final LocalRepositories repositories;
	private final OutboxTiming timing;
	private final OutboxRecord state;
	private final Coding code;

	/**
	 * @param code the Task code that marks this outbox's records
	 */
	public TaskOutbox(LocalRepositories repositories, OutboxTiming timing, OutboxRecord state, Coding code) {
		this.repositories = repositories;
		this.timing = timing;
		this.state = state;
		this.code = code;
	}

	public Optional<Task> find(String id) {
		try {
			return Optional.of(store().read(Task.class, new IdType("Task", id)));
		} catch (ResourceNotFoundException none) {
			return Optional.empty();
		}
	}

	/** The records due now (waiting and due, or claimed past their lease), a batch at a time, oldest first. */
	public List<Task> due() {
		Multimap<String, List<IQueryParameterType>> params = ArrayListMultimap.create();
		params.put("code", List.of(new TokenParam(code.getSystem(), code.getCode())));
		params.put("status", List.of(new TokenParam("requested"), new TokenParam("in-progress")));
		params.put("_count", List.of(new NumberParam(BATCH)));
		// oldest first: a subscriber gets its notifications in the order of their event numbers
		params.put("_sort", List.of(new StringParam("authored-on"), new StringParam("_id")));
		Instant now = Instant.now();
		return Searches.firstPage(store(), Task.class, params).stream().filter(task -> state.due(task, now)).toList();
	}

	/** The record claimed for one attempt by this sender, or empty when it is not claimable or another sender won. */
	public Optional<Task> claim(Task task) {
		Instant now = Instant.now();
		if (!state.claimable(task, now)) {
			return Optional.empty();
		}
		return write(state.claimed(task, now, leaseFrom(now)), task);
	}

	/** When a claim made now runs out. */
	public Instant leaseFrom(Instant now) {
		return now.plus(timing.lease());
	}

	/** When the attempt after {@code attempts} is due. */
	public Instant nextAttempt(int attempts, Instant now) {
		return timing.nextAttempt(attempts, now);
	}

	public boolean attemptsSpent(Task claimed) {
		return state.attempts(claimed) >= timing.maxAttempts();
	}

	/**
	 * Writes {@code updated} if {@code read} is still the current version: the claimer's outcome of its attempt, or a
	 * claim. Empty when another sender wrote it meanwhile.
	 */
	public Optional<Task> write(Task updated, Task read) {
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		put(transaction, updated, read.getIdElement().getVersionIdPart());
		try {
			store().transaction(transaction);
		} catch (BaseServerResponseException e) {
			if (isConflict(e)) {
				return Optional.empty();
			}
			throw e;
		}
		return find(updated.getIdElement().getIdPart());
	}

	/** A PUT of the Task in a transaction; {@code ifMatchVersion} "0" creates only, null writes unconditionally. */
	public static void put(Bundle transaction, Task task, String ifMatchVersion) {
		Bundle.BundleEntryRequestComponent request = transaction.addEntry().setResource(task).getRequest()
				.setMethod(Bundle.HTTPVerb.PUT).setUrl("Task/" + task.getIdElement().getIdPart());
		if (ifMatchVersion != null) {
			request.setIfMatch("W/\"" + ifMatchVersion + "\"");
		}
	}

	public static boolean isConflict(BaseServerResponseException e) {
		return e.getStatusCode() == 409 || e.getStatusCode() == 412;
	}

	private IRepository store() {
		return repositories.forServer();
	}
}
