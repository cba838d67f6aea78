package dev.recourse.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.support.FhirIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** The worklist is plain FHIR search on case Tasks, ordered by our {@code deadline} SearchParameter. */
class WorklistIT extends FhirIntegrationTest {
	private static final String TASK_TYPE = "http://recourse.dev/fhir/CodeSystem/task-type";

	@Test
	void openCases_sortByDeadline() {
		String batch = UUID.randomUUID().toString();
		createCase(batch, "2026-12-20", Task.TaskStatus.INPROGRESS);
		createCase(batch, "2026-12-03", Task.TaskStatus.INPROGRESS);
		createCase(batch, "2026-12-11", Task.TaskStatus.READY);
		createCase(batch, "2026-12-01", Task.TaskStatus.COMPLETED);

		Bundle worklist = client.search()
				.byUrl("Task?code=recourse-case&status=ready,in-progress&identifier=urn:recourse:test|" + batch
						+ "&_sort=deadline")
				.returnBundle(Bundle.class)
				.execute();

		List<String> deadlines = worklist.getEntry().stream()
				.map(e -> ((Task) e.getResource()).getRestriction().getPeriod().getEndElement().getValueAsString())
				.toList();
		assertThat(deadlines).containsExactly("2026-12-03", "2026-12-11", "2026-12-20");
	}

	@Test
	void deadline_isSearchableAsADate() {
		String batch = UUID.randomUUID().toString();
		createCase(batch, "2027-01-05", Task.TaskStatus.INPROGRESS);
		createCase(batch, "2027-02-05", Task.TaskStatus.INPROGRESS);

		Bundle dueSoon = client.search()
				.byUrl("Task?identifier=urn:recourse:test|" + batch + "&deadline=le2027-01-31")
				.returnBundle(Bundle.class)
				.execute();

		assertThat(dueSoon.getEntry()).hasSize(1);
	}

	private void createCase(String batch, String deadline, Task.TaskStatus status) {
		Task task = new Task().setStatus(status).setIntent(Task.TaskIntent.ORDER);
		task.getCode().addCoding().setSystem(TASK_TYPE).setCode("recourse-case");
		task.addIdentifier().setSystem("urn:recourse:test").setValue(batch);
		task.getRestriction().getPeriod().setEndElement(new DateTimeType(deadline));
		client.create().resource(task).execute();
	}
}
