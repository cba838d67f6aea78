package dev.recourse.casework;

import ca.uhn.fhir.repository.IRepository;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import java.util.Set;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;

/** What other features need to know of a case Task: that it is one, and whether it still takes work. */
public final class Cases {
	static final Set<Task.TaskStatus> CLOSED = Set.of(Task.TaskStatus.COMPLETED, Task.TaskStatus.CANCELLED,
			Task.TaskStatus.FAILED, Task.TaskStatus.REJECTED, Task.TaskStatus.ENTEREDINERROR);

	private Cases() {
	}

	/** The open case with this id; 404 when there is no such Task, 422 when it is no case, 409 when it is closed. */
	public static Task readOpen(IRepository store, IdType caseId) {
		Task task = store.read(Task.class, new IdType("Task", caseId.getIdPart()));
		boolean isCase = task.getCode().getCoding().stream()
				.anyMatch(coding -> CaseTask.TASK_TYPE.equals(coding.getSystem()) && "recourse-case".equals(coding.getCode()));
		if (!isCase || !task.getFor().hasReference()) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, "Task.code",
					"Task/" + caseId.getIdPart() + " is not a Recourse case (Task.code recourse-case with a patient in Task.for)");
		}
		if (CLOSED.contains(task.getStatus())) {
			throw new RecourseException(RecourseError.CONFLICT, "Task.status",
					"The case Task/" + caseId.getIdPart() + " is " + task.getStatus().toCode() + "; reopen it before working on it");
		}
		return task;
	}
}
