package dev.recourse.casework;

import dev.recourse.denial.CategoryFinding;
import dev.recourse.denial.triage.Triage;
import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/** Builds the RecourseCase Task for a denial from its triage: what the case starts with. */
final class CaseTask {
	static final String PROFILE = "http://recourse.dev/fhir/StructureDefinition/recourse-case";
	static final String TASK_TYPE = "http://recourse.dev/fhir/CodeSystem/task-type";
	static final String CASE_STAGE = "http://recourse.dev/fhir/CodeSystem/case-stage";
	private static final String EXTENSIONS = "http://recourse.dev/fhir/StructureDefinition/";

	private CaseTask() {}

	static Task of(String id, ClaimResponse denial, Triage triage, Instant now) {
		Task task = new Task();
		task.setId(id);
		task.getMeta().addProfile(PROFILE);
		task.setStatus(Task.TaskStatus.READY).setIntent(Task.TaskIntent.ORDER);
		task.getCode().addCoding(new Coding(TASK_TYPE, "recourse-case", "Recourse case"));
		task.setBusinessStatus(new CodeableConcept(new Coding(CASE_STAGE, "triaged", "Triaged")));
		task.setFocus(new Reference("ClaimResponse/" + denial.getIdElement().getIdPart()));
		task.setFor(new Reference(denial.getPatient().getReference()));
		task.setAuthoredOn(Date.from(now));
		task.addExtension(EXTENSIONS + "plan-regime", concept("plan-regime", triage.planRegime().code()));
		for (CategoryFinding finding : triage.categories()) {
			task.addExtension(EXTENSIONS + "denial-category", concept("denial-category", finding.category().code()));
		}
		CaseNextStep.of(triage).applyTo(task);
		return task;
	}

	private static CodeableConcept concept(String codeSystem, String code) {
		return new CodeableConcept(new Coding("http://recourse.dev/fhir/CodeSystem/" + codeSystem, code, null));
	}
}
