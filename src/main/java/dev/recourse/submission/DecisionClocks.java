package dev.recourse.submission;

import ca.uhn.fhir.repository.IRepository;
import dev.recourse.casework.PlanRecords;
import dev.recourse.denial.triage.DenialTriage;
import dev.recourse.denial.triage.TriageRequest;
import dev.recourse.filing.CaseStanding;
import dev.recourse.pathway.DecisionDue;
import dev.recourse.pathway.PathwayCode;
import dev.recourse.server.LocalRepositories;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * The payer's decision clock on a pended submission: the case's standing (the decision and level the request answered)
 * under the Coverage the case recorded when opened (a later search of the patient's could find another plan's regime)
 * → the packet's pathway and urgency (certificationType 1 = expedited) → triage's decision clock for them
 * (rules/pathways.yaml → rules/clocks.yaml) → counted from the payer's receipt (its pended answer's {@code created}).
 * Empty when the regime is uncertain, the packet names no pathway or no rule sets a clock.
 */
@Component
class DecisionClocks {
	private final DenialTriage triage;
	private final CaseStanding standing;
	private final LocalRepositories repositories;

	DecisionClocks(DenialTriage triage, CaseStanding standing, LocalRepositories repositories) {
		this.triage = triage;
		this.standing = standing;
		this.repositories = repositories;
	}

	Optional<DecisionDue> dueFor(Task submission, Bundle packet, ClaimResponse pended, Instant now) {
		Optional<PathwayCode> pathway = pathway(packet);
		if (pathway.isEmpty()) {
			return Optional.empty();
		}
		IRepository store = repositories.forServer();
		Task caseTask = store.read(Task.class, new IdType(submission.getPartOfFirstRep().getReference()).toUnqualifiedVersionless());
		ClaimResponse denial = store.read(ClaimResponse.class, new IdType(caseTask.getFocus().getReference()).toUnqualifiedVersionless());
		Optional<Coverage> coverage = PlanRecords.caseCoverage(store, caseTask, denial);
		CaseStanding.Standing at = standing.of(store, caseTask, denial, coverage);
		boolean expedited = DecidedCase.expedited(packet);
		Instant received = pended.hasCreated() ? pended.getCreated().toInstant() : now;
		TriageRequest request = new TriageRequest(at.decision(), coverage.orElse(null), null, null, at.level(), expedited, null);
		return triage.decisionClock(request, pathway.get(), expedited, received.atZone(ZoneOffset.UTC).toLocalDate())
				.map(clock -> DecisionDue.of(clock, received));
	}

	/** The pathway the packet's request Claim was built for (its pathway extension). */
	static Optional<PathwayCode> pathway(Bundle packet) {
		Extension extension = PacketParts.claim(packet).getExtensionByUrl(CaseStanding.PATHWAY);
		if (extension == null || !(extension.getValue() instanceof CodeableConcept concept)) {
			return Optional.empty();
		}
		try {
			return Optional.of(PathwayCode.fromCode(concept.getCodingFirstRep().getCode()));
		} catch (IllegalArgumentException unknown) {
			return Optional.empty();
		}
	}
}
