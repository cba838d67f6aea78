package dev.recourse.casework;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * The artifacts a case links as its {@code Task.output}, by artifact type (criteria map, letter, packet, evidence…):
 * finding them, and linking a new one in the same transaction that stores it.
 */
public final class CaseOutputs {
	public static final String ARTIFACT_TYPES = "http://recourse.dev/fhir/CodeSystem/artifact-type";

	private CaseOutputs() {
	}

	/** The references of the case's outputs of a type, in order. */
	public static List<String> all(Task caseTask, String artifactType) {
		return caseTask.getOutput().stream().filter(output -> isType(output, artifactType))
				.map(Task.TaskOutputComponent::getValue).filter(Reference.class::isInstance)
				.map(value -> ((Reference) value).getReference()).filter(reference -> reference != null).toList();
	}

	public static Optional<String> first(Task caseTask, String artifactType) {
		return all(caseTask, artifactType).stream().findFirst();
	}

	/**
	 * Adds to the transaction the case Task linking {@code reference} as its one output of the type (an earlier one
	 * of the type gives way), with If-Match on the version read; nothing when it is linked already.
	 */
	public static void linkOnly(Bundle transaction, Task caseTask, String artifactType, String display, String reference) {
		if (all(caseTask, artifactType).contains(reference)) {
			return;
		}
		Task updated = caseTask.copy();
		updated.getOutput().removeIf(output -> isType(output, artifactType));
		updated.addOutput().setValue(new Reference(reference)).getType().addCoding(new Coding(ARTIFACT_TYPES, artifactType, display));
		transaction.addEntry().setResource(updated).getRequest().setMethod(Bundle.HTTPVerb.PUT)
				.setUrl("Task/" + caseTask.getIdElement().getIdPart())
				.setIfMatch("W/\"" + caseTask.getIdElement().getVersionIdPart() + "\"");
	}

	private static boolean isType(Task.TaskOutputComponent output, String artifactType) {
		return output.getType().getCoding().stream()
				.anyMatch(coding -> ARTIFACT_TYPES.equals(coding.getSystem()) && artifactType.equals(coding.getCode()));
	}
}
