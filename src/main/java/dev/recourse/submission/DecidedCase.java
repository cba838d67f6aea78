package dev.recourse.submission;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import dev.recourse.casework.CaseNextStep;
import dev.recourse.casework.CaseStages;
import dev.recourse.casework.PlanRecords;
import dev.recourse.common.RecourseException;
import dev.recourse.denial.DecisionLevel;
import dev.recourse.denial.triage.DenialTriage;
import dev.recourse.denial.triage.TriageRequest;
import dev.recourse.server.LocalRepositories;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * The case after a payer's decision on what we submitted: stage by {@link CaseStage} → approved: the case is completed,
 * nothing further to file → upheld or partially approved: the decision triaged as the next adverse determination
 * (decision level internal-appeal when we sent an appeal, initial when an exception request; the case's Coverage; the
 * decision's date as the notice date) → the top eligible pathway and earliest deadline as the case's next step → a note
 * saying what was decided and what comes next, for the specialist.
 */
@Component
class DecidedCase {
	private final DenialTriage triage;
	private final LocalRepositories repositories;

	DecidedCase(DenialTriage triage, LocalRepositories repositories) {
		this.triage = triage;
		this.repositories = repositories;
	}

	/** Changes {@code caseTask} (the copy the caller writes) by the decision. */
	void apply(Task caseTask, ClaimResponse decision, Bundle packet) {
		String stage = CaseStage.of(decision);
		caseTask.setBusinessStatus(CaseStages.concept(stage));
		caseTask.setLastModified(new Date());
		String next;
		if ("approved".equals(stage)) {
			caseTask.setStatus(Task.TaskStatus.COMPLETED);
			new CaseNextStep(Optional.empty(), Optional.empty()).applyTo(caseTask);
			next = "none, the request is approved";
		} else if ("upheld".equals(stage) || "partially-approved".equals(stage)) {
			next = nextStep(caseTask, decision, packet);
			if (caseTask.getStatus() == Task.TaskStatus.COMPLETED) {
				caseTask.setStatus(Task.TaskStatus.READY);
			}
		} else {
			next = "wait for the payer's decision";
		}
		caseTask.addNote().setTime(new Date()).setText(DecisionNote.of(decision, stage, next));
	}

	private String nextStep(Task caseTask, ClaimResponse decision, Bundle packet) {
		DecisionLevel level = appealed(packet) ? DecisionLevel.INTERNAL_APPEAL : DecisionLevel.INITIAL;
		TriageRequest request = new TriageRequest(decision, coverage(caseTask), null, null, level, expedited(packet), null);
		try {
			CaseNextStep step = CaseNextStep.of(triage.triage(request));
			step.applyTo(caseTask);
			return step.describe() + " (triaged as a " + level.code() + " decision)";
		} catch (RecourseException untriaged) {
			// the decision is kept and shown either way; the specialist chooses the next step by hand
			return "not computed: " + untriaged.getMessage();
		}
	}

	/** The case's Coverage, read as every feature reads it; null when it is not on file (triage then asks about the plan). */
	private Coverage coverage(Task caseTask) {
		try {
			ClaimResponse denial = repositories.forServer().read(ClaimResponse.class, new IdType(caseTask.getFocus().getReference()).toUnqualifiedVersionless());
			return PlanRecords.caseCoverage(repositories.forServer(), caseTask, denial).orElse(null);
		} catch (BaseServerResponseException | IllegalArgumentException notOnFile) {
			return null;
		}
	}

	/** Was the request an appeal: PAS certification type 1 (immediate) or 2 (standard) on its items. */
	static boolean appealed(Bundle packet) {
		return PacketParts.certificationTypes(packet).stream().anyMatch(code -> code.equals("1") || code.equals("2"));
	}

	static boolean expedited(Bundle packet) {
		return PacketParts.certificationTypes(packet).contains("1");
	}
}
