package dev.recourse.assistance;

import dev.recourse.common.Digests;
import java.util.Date;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

/** The RecourseAssistanceChecklist Task of one programme on one case: what it starts with, and how its items read. */
final class ChecklistTask {
	static final String PROFILE = "http://recourse.dev/fhir/StructureDefinition/recourse-assistance-checklist";
	static final String PROGRAM_EXTENSION = "http://recourse.dev/fhir/StructureDefinition/assistance-program";
	static final String TASK_TYPE = "http://recourse.dev/fhir/CodeSystem/task-type";
	static final String ITEMS = "http://recourse.dev/fhir/CodeSystem/assistance-document";
	static final String CODE = "assistance-checklist";

	private ChecklistTask() {
	}

	/** One checklist per case and programme: the id says which, so asking again finds it. */
	static String id(String caseId, String programId) {
		String plain = "assist-" + caseId + "-" + programId;
		return plain.length() <= 64 ? plain : "assist-" + Digests.sha256Hex(caseId + "|" + programId).substring(0, 40);
	}

	static Task of(Task caseTask, AssistanceProgram program, ChecklistItems items) {
		Task task = new Task();
		task.setId(id(caseTask.getIdElement().getIdPart(), program.id()));
		task.getMeta().addProfile(PROFILE);
		task.addExtension(PROGRAM_EXTENSION, new StringType(program.id()));
		task.setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.PLAN);
		task.getCode().addCoding(new Coding(TASK_TYPE, CODE, "Assistance application checklist"));
		task.setDescription("Application to " + program.name() + " (" + program.manufacturer() + ")");
		task.addPartOf(new Reference("Task/" + caseTask.getIdElement().getIdPart()));
		task.setFor(caseTask.getFor().copy());
		task.setAuthoredOn(new Date());
		for (String item : program.checklist()) {
			Task.ParameterComponent input = task.addInput();
			input.getType().addCoding(new Coding(ITEMS, item, null));
			input.getType().setText(items.text(item).orElseThrow());
			input.setValue(new BooleanType(false));
		}
		return task;
	}

	static boolean isChecklist(Task task) {
		return task.getCode().getCoding().stream().anyMatch(coding -> TASK_TYPE.equals(coding.getSystem()) && CODE.equals(coding.getCode()));
	}

	static String itemCode(Task.ParameterComponent input) {
		return input.getType().getCoding().stream().filter(coding -> ITEMS.equals(coding.getSystem())).map(Coding::getCode)
				.findFirst().orElse("");
	}
}
