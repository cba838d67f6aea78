package dev.recourse.casework;

import dev.recourse.common.Digests;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.denial.triage.TriageService;
import dev.recourse.server.LocalRepositories;
import java.time.Clock;
import java.util.Optional;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Service;

/**
 * {@code $open-case}: read the denial → return its case if one is open → else triage it and create the
 * case. The case of a denial has a fixed id derived from the denial's, so concurrent calls, on one
 * instance or several, converge on one Task: the database's unique id decides, and a loser reads
 * what the winner wrote.
 */
@Service
public class CaseOpener {
	private final LocalRepositories repositories;
	private final TriageService triage;
	private final Clock clock;

	CaseOpener(LocalRepositories repositories, TriageService triage) {
		this.repositories = repositories;
		this.triage = triage;
		this.clock = Clock.systemUTC();
	}

	/** The open case of the stored denial, created with its triage on the first call; 409 when it was closed. */
	public Task open(IdType denialId, RequestDetails request) {
		IRepository store = repositories.forRequest(request);
		ClaimResponse denial = store.read(ClaimResponse.class, new IdType("ClaimResponse", denialId.getIdPart()));
		String caseId = caseId(denial.getIdElement().getIdPart());
		Optional<Task> existing = read(store, caseId);
		if (existing.isPresent()) {
			return openOrRefuse(existing.get());
		}
		Task created = CaseTask.of(caseId, denial, triage.triageStored(denial, request), clock.instant());
		PlanRecords.coverage(store, denial, denial.getPatient().getReference())
				.ifPresent(coverage -> created.addInsurance(new Reference("Coverage/" + coverage.getIdElement().getIdPart())));
		try {
			store.update(created);
		} catch (ResourceVersionConflictException raceLost) {
			// another call created the case between our read and our write
		}
		return read(store, caseId).orElseThrow();
	}

	private static Task openOrRefuse(Task existing) {
		if (Cases.CLOSED.contains(existing.getStatus())) {
			throw new RecourseException(RecourseError.CONFLICT, "Task.status",
					"The case for this denial, Task/" + existing.getIdElement().getIdPart() + ", is "
							+ existing.getStatus().toCode() + "; reopen that Task rather than opening a second case");
		}
		return existing;
	}

	private static Optional<Task> read(IRepository store, String caseId) {
		try {
			return Optional.of(store.read(Task.class, new IdType("Task", caseId)));
		} catch (ResourceNotFoundException notYet) {
			return Optional.empty();
		}
	}

	/** "case-" + the denial's id; hashed when that would pass FHIR's 64-character id limit. */
	static String caseId(String denialId) {
		String plain = "case-" + denialId;
		return plain.length() <= 64 ? plain : "case-" + Digests.sha256Hex(denialId).substring(0, 40);
	}

}
