package dev.recourse.payer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

/**
 * How far the payer's open requests for documents have come once documents arrive: each open PAS Task lists every
 * document received as an output (typed by the LOINC code it answers) and is completed when every code it asks for
 * (attachments-needed) has one, in-progress while some are missing. Only what changes is returned. The
 * CommunicationRequests stay as they are: PAS fixes their status to active (they are the message asking), so the
 * Task is what says whether the request is answered.
 */
final class AttachmentProgress {
	private AttachmentProgress() {
	}

	/**
	 * @param requests the submission's PAS Tasks (and CommunicationRequests) as stored
	 * @param documents the documents received now (stored or found stored), each with its code as type
	 */
	static List<Resource> after(List<Resource> requests, List<DocumentReference> documents) {
		List<Resource> changed = new ArrayList<>();
		for (Resource request : requests) {
			if (request instanceof Task task && open(task)) {
				Task updated = task.copy();
				documents.forEach(document -> addOutput(updated, document));
				updated.setStatus(missing(updated).isEmpty() ? Task.TaskStatus.COMPLETED : Task.TaskStatus.INPROGRESS);
				if (!updated.equalsDeep(task)) {
					changed.add(updated.setLastModified(new java.util.Date()));
				}
			}
		}
		return changed;
	}

	/** The LOINC codes a Task asks for that no document it lists (output) answers yet. */
	static Set<String> missing(Task task) {
		Set<String> missing = new LinkedHashSet<>();
		for (Task.ParameterComponent input : task.getInput()) {
			if (Pas.ATTACHMENTS_NEEDED.equals(input.getType().getCodingFirstRep().getCode()) && input.getValue() instanceof CodeableConcept needed) {
				missing.add(code(needed));
			}
		}
		task.getOutput().forEach(output -> missing.remove(code(output.getType())));
		return missing;
	}

	static boolean open(Task task) {
		return task.getStatus() == Task.TaskStatus.REQUESTED || task.getStatus() == Task.TaskStatus.INPROGRESS;
	}

	private static void addOutput(Task task, DocumentReference document) {
		String reference = "DocumentReference/" + document.getIdElement().getIdPart();
		boolean listed = task.getOutput().stream().anyMatch(output -> output.getValue() instanceof Reference linked
				&& reference.equals(linked.getReference()));
		if (!listed) {
			Coding code = document.getType().getCoding().stream().filter(coding -> Pas.LOINC.equals(coding.getSystem())).findFirst().orElseThrow();
			task.addOutput().setType(new CodeableConcept(code.copy())).setValue(new Reference(reference));
		}
	}

	private static String code(CodeableConcept concept) {
		return concept.getCoding().stream().filter(coding -> Pas.LOINC.equals(coding.getSystem())).map(Coding::getCode).findFirst().orElse("");
	}
}
