package dev.recourse.attachment;

import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import dev.recourse.casework.CaseOutputs;
import dev.recourse.casework.CaseStages;
import dev.recourse.server.LocalRepositories;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * One change of a case together with what it links: the records (written first, each under the If-Match it carries or
 * create-only), the case Task linking one of them as its output of a type and standing at a stage — in one
 * transaction under the case's version, re-read and tried again when another change of the case came between.
 */
@Component
class AttachmentCaseWrites {
	private static final int TRIES = 5;
	private final LocalRepositories repositories;

	AttachmentCaseWrites(LocalRepositories repositories) {
		this.repositories = repositories;
	}

	/**
	 * The case change.
	 *
	 * @param outputType artifact-type code of the output linked
	 * @param display its display
	 * @param reference {@code Type/id} of the record linked
	 * @param stage the case-stage code the case moves to
	 */
	record Change(String outputType, String display, String reference, String stage) {
	}

	/** @param records what to write with it, built from the case as read (PUT entries with If-Match) */
	void write(IdType caseId, Change change, Function<Task, List<Resource>> records) {
		for (int attempt = 1; ; attempt++) {
			Task caseTask = repositories.forServer().read(Task.class, new IdType("Task", caseId.getIdPart()));
			Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
			for (Resource record : records.apply(caseTask)) {
				String version = record.getMeta().hasVersionId() ? record.getMeta().getVersionId() : "0";
				transaction.addEntry().setResource(record).getRequest().setMethod(Bundle.HTTPVerb.PUT)
						.setUrl(record.fhirType() + "/" + record.getIdElement().getIdPart()).setIfMatch("W/\"" + version + "\"");
			}
			CaseOutputs.linkOnly(transaction, caseTask, change.outputType(), change.display(), change.reference());
			Task updated = transaction.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
					.filter(resource -> resource instanceof Task task && task.getIdElement().getIdPart().equals(caseId.getIdPart()))
					.map(Task.class::cast).findFirst().orElseGet(() -> caseEntry(transaction, caseTask));
			updated.setBusinessStatus(CaseStages.concept(change.stage())).setLastModified(new Date());
			try {
				repositories.forServer().transaction(transaction);
				return;
			} catch (ResourceVersionConflictException raced) {
				if (attempt >= TRIES) {
					throw raced;
				}
			}
		}
	}

	private static Task caseEntry(Bundle transaction, Task caseTask) {
		Task updated = caseTask.copy();
		transaction.addEntry().setResource(updated).getRequest().setMethod(Bundle.HTTPVerb.PUT)
				.setUrl("Task/" + caseTask.getIdElement().getIdPart()).setIfMatch("W/\"" + caseTask.getIdElement().getVersionIdPart() + "\"");
		return updated;
	}
}
