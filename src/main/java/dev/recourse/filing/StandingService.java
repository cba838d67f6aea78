package dev.recourse.filing;

import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.casework.Cases;
import dev.recourse.casework.PlanRecords;
import dev.recourse.denial.triage.TriageWriter;
import dev.recourse.server.LocalRepositories;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Service;

/**
 * {@code Task/[id]/$standing}: the open case → its denial and Coverage → {@link CaseStanding} (the adverse decision a
 * filing answers, its level, deemed exhaustion by a missed clock) → the triage at that level, written as {@code $triage}
 * writes it, plus the level, why, and the decision it answers (the missed clocks are on the case Task itself). The pathways it lists as eligible are exactly those
 * {@code $draft-letter} and {@code $assemble-filing} accept for the case, so a client offers no other.
 */
@Service
class StandingService {
	private final LocalRepositories repositories;
	private final CaseStanding standing;

	StandingService(LocalRepositories repositories, CaseStanding standing) {
		this.repositories = repositories;
		this.standing = standing;
	}

	Parameters standing(IdType caseId, RequestDetails request) {
		IRepository store = repositories.forRequest(request);
		Task caseTask = Cases.readOpen(store, caseId);
		ClaimResponse denial = store.read(ClaimResponse.class, new IdType(caseTask.getFocus().getReference()).toUnqualifiedVersionless());
		CaseStanding.Standing at = standing.of(store, caseTask, denial, PlanRecords.caseCoverage(store, caseTask, denial));
		Parameters answer = TriageWriter.write(at.triage());
		answer.addParameter().setName("level").setValue(new CodeType(at.level().code()));
		answer.addParameter().setName("standing").setValue(new StringType(at.basis()));
		answer.addParameter().setName("decision")
				.setValue(new Reference("ClaimResponse/" + at.decision().getIdElement().getIdPart()));
		return answer;
	}
}
