package dev.recourse.assistance;

import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import dev.recourse.casework.CaseOutputs;
import dev.recourse.casework.Cases;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.server.LocalRepositories;
import java.util.Date;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Service;

/**
 * Application checklists. {@code $assistance-checklist}: the offer for the case ({@link AssistanceOfferer}) → the named
 * programme offered? (422 naming {@code program} otherwise) → its checklist on file? return it → else create it and link it
 * as the case's output, one transaction under If-Match on the case. {@code $check-item}: the checklist → the item (422
 * naming {@code item} when it has none such) → ticked or unticked, status by how many are done → If-Match update.
 */
@Service
class Checklists {
	private static final String ARTIFACT = "assistance-checklist";
	private final LocalRepositories repositories;
	private final AssistanceOfferer offerer;
	private final ChecklistItems items = ChecklistItems.load();

	Checklists(LocalRepositories repositories, AssistanceOfferer offerer) {
		this.repositories = repositories;
		this.offerer = offerer;
	}

	Task start(IdType caseId, String programId, RequestDetails request) {
		if (programId == null || programId.isBlank()) {
			throw new RecourseException(RecourseError.INVALID_INPUT, "program", "Parameter 'program' (a programme id from $offer-assistance) is required");
		}
		AssistanceAnswer answer = offerer.answer(caseId, request);
		ProgramOffer offer = offered(answer, programId);
		IRepository store = repositories.forRequest(request);
		Task caseTask = Cases.readOpen(store, caseId);
		String id = ChecklistTask.id(caseTask.getIdElement().getIdPart(), programId);
		try {
			return store.read(Task.class, new IdType("Task", id));
		} catch (ResourceNotFoundException notYet) {
			Task checklist = ChecklistTask.of(caseTask, offer.program(), items);
			store.transaction(creation(caseTask, checklist));
			return store.read(Task.class, new IdType("Task", id));
		}
	}

	Task check(IdType checklistId, String item, Boolean done, RequestDetails request) {
		if (item == null || item.isBlank() || done == null) {
			throw new RecourseException(RecourseError.INVALID_INPUT, item == null || item.isBlank() ? "item" : "done",
					"Parameters 'item' (an assistance-document code) and 'done' (boolean) are required");
		}
		IRepository store = repositories.forRequest(request);
		Task checklist = store.read(Task.class, new IdType("Task", checklistId.getIdPart()));
		if (!ChecklistTask.isChecklist(checklist)) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, "Task.code",
					"Task/" + checklistId.getIdPart() + " is not an assistance checklist (Task.code assistance-checklist)");
		}
		Task.ParameterComponent input = checklist.getInput().stream().filter(entry -> item.equals(ChecklistTask.itemCode(entry))).findFirst()
				.orElseThrow(() -> new RecourseException(RecourseError.UNPROCESSABLE, "item", "The checklist has no item '" + item
						+ "'; its items are " + checklist.getInput().stream().map(ChecklistTask::itemCode).toList()));
		input.setValue(new BooleanType(done));
		boolean all = checklist.getInput().stream().allMatch(entry -> entry.getValue() instanceof BooleanType ticked && ticked.booleanValue());
		checklist.setStatus(all ? Task.TaskStatus.COMPLETED : Task.TaskStatus.INPROGRESS).setLastModified(new Date());
		store.update(checklist, java.util.Map.of("If-Match", "W/\"" + checklist.getIdElement().getVersionIdPart() + "\""));
		return store.read(Task.class, new IdType("Task", checklistId.getIdPart()));
	}

	private static ProgramOffer offered(AssistanceAnswer answer, String programId) {
		if (!answer.offered()) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, "program", answer.rationale());
		}
		ProgramOffer offer = answer.program(programId).orElseThrow(() -> new RecourseException(RecourseError.UNPROCESSABLE, "program",
				"No programme '" + programId + "' for the case's drug; its programmes are "
						+ answer.programs().stream().map(known -> known.program().id()).toList()));
		if (!offer.offered()) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, "program", offer.reason());
		}
		return offer;
	}

	private static Bundle creation(Task caseTask, Task checklist) {
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		String url = "Task/" + checklist.getIdElement().getIdPart();
		transaction.addEntry().setResource(checklist).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(url).setIfMatch("W/\"0\"");
		Task linked = caseTask.copy();
		linked.addOutput().setValue(new Reference(url)).getType().addCoding(new Coding(CaseOutputs.ARTIFACT_TYPES, ARTIFACT, "Assistance checklist"));
		transaction.addEntry().setResource(linked).getRequest().setMethod(Bundle.HTTPVerb.PUT)
				.setUrl("Task/" + caseTask.getIdElement().getIdPart()).setIfMatch("W/\"" + caseTask.getIdElement().getVersionIdPart() + "\"");
		return transaction;
	}
}
