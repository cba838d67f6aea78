package dev.recourse.payer;

import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.Multimap;
import dev.recourse.server.LocalRepositories;
import dev.recourse.server.Searches;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * The received submissions as this server keeps them, read and written as the server itself: they are the
 * payer's records of what it was sent, not records the sender writes into — the caller's authority is checked once,
 * on the operation ({@code @RequiresAccess}), and the operation's own AuditEvent names the patients.
 */
@Component
class SubmissionRecords {
	private final LocalRepositories repositories;

	SubmissionRecords(LocalRepositories repositories) {
		this.repositories = repositories;
	}

	/**
	 * One stored submission.
	 *
	 * @param digest the digest of the Bundle as it was received
	 * @param recorded when it was received
	 * @param response the payer's current answer
	 * @param received the Bundle as it was received
	 * @param requests the payer's requests for documents about it: each PAS Task, then its CommunicationRequests
	 */
	record Receipt(Submission submission, String digest, Date recorded, ClaimResponse response, Bundle received,
			List<Resource> requests) {
		/** The PAS Tasks of {@link #requests}, oldest first. */
		List<Task> documentRequests() {
			return requests.stream().filter(Task.class::isInstance).map(Task.class::cast).toList();
		}
	}

	/** The submission's receipt, when it has been received. */
	Optional<Receipt> receipt(Submission submission) {
		IRepository store = repositories.forServer();
		return read(store, Provenance.class, submission.id()).flatMap(provenance -> {
			Optional<ClaimResponse> response = read(store, ClaimResponse.class, submission.id());
			Optional<Bundle> received = read(store, Bundle.class, submission.id());
			if (response.isEmpty() || received.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(new Receipt(submission, ReceiptProvenance.digest(provenance).orElse(""), provenance.getRecorded(),
					response.get(), received.get(), requests(store, response.get())));
		});
	}

	/** The resource of ours with this id, if there is one. */
	<T extends Resource> Optional<T> find(Class<T> type, String id) {
		return read(repositories.forServer(), type, id);
	}

	/** The requests for documents its answer names (ClaimResponse.communicationRequest), with the Task each belongs to. */
	private static List<Resource> requests(IRepository store, ClaimResponse response) {
		List<Resource> tasks = new ArrayList<>();
		List<Resource> asked = new ArrayList<>();
		Set<String> taskIds = new LinkedHashSet<>();
		for (Reference reference : response.getCommunicationRequest()) {
			IdType id = new IdType(reference.getReference());
			read(store, CommunicationRequest.class, id.getIdPart()).ifPresent(asked::add);
			taskIds.add(Submission.documentRequestOf(id.getIdPart()));
		}
		taskIds.forEach(id -> read(store, Task.class, id).ifPresent(tasks::add));
		tasks.addAll(asked);
		return tasks;
	}

	/** Stores one submission's resources in one transaction: all or nothing. */
	void store(Bundle transaction) {
		repositories.forServer().transaction(transaction);
	}

	/** The received submissions whose answer carries an identifier of this value (in any system). */
	List<Receipt> withIdentifier(String value) {
		Multimap<String, List<IQueryParameterType>> params = ArrayListMultimap.create();
		params.put("identifier", List.of(new TokenParam(null, value)));
		return Searches.everyMatch(repositories.forServer(), ClaimResponse.class, params).stream()
				.map(response -> Submission.owning(response.getIdElement().getIdPart()))
				.filter(submission -> submission != null)
				.distinct()
				.map(this::receipt)
				.flatMap(Optional::stream)
				.toList();
	}

	private static <T extends Resource> Optional<T> read(IRepository store, Class<T> type, String id) {
		try {
			return Optional.of(store.read(type, new IdType(type.getSimpleName(), id)));
		} catch (ResourceNotFoundException | ResourceGoneException none) {
			return Optional.empty();
		}
	}
}
