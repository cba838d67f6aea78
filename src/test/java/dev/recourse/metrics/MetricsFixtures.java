package dev.recourse.metrics;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * Writes, through the FHIR API, the resources the metrics read model is kept from: a denial and its case Task moving
 * through its stages version by version (lastModified = when each change happened), the submission Task with its
 * payer decision clock, and the payer side's received Claim and its answer, pended then decided.
 */
final class MetricsFixtures {
	static final String ORG_SYSTEM = "urn:recourse-test:org";
	static final String PAYER_SYSTEM = "urn:recourse-test:payer";
	static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
	private static final String EXT = "http://recourse.dev/fhir/StructureDefinition/";
	private static final String CODES = "http://recourse.dev/fhir/CodeSystem/";
	private final IGenericClient client;
	private final String patient;

	MetricsFixtures(IGenericClient client, String patient) {
		this.client = client;
		this.patient = patient;
	}

	/** One case of the provider side, written as its lifecycle would write it. */
	record CaseSpec(String id, String org, String payer, String category, String service, String pathway, Instant deniedAt,
			LocalDate deadline, Instant submittedAt, Instant decisionDue, Instant decidedAt, String outcome) {
	}

	void writeCase(CaseSpec spec) {
		ClaimResponse denial = new ClaimResponse().setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE)
				.setUse(ClaimResponse.Use.PREAUTHORIZATION).setOutcome(ClaimResponse.RemittanceOutcome.COMPLETE)
				.setCreated(Date.from(spec.deniedAt())).setPatient(new Reference("Patient/" + patient))
				.setRequestor(new Reference().setIdentifier(new Identifier().setSystem(ORG_SYSTEM).setValue(spec.org())))
				.setInsurer(new Reference().setIdentifier(new Identifier().setSystem(PAYER_SYSTEM).setValue(spec.payer())));
		denial.setId("denial-" + spec.id());
		denial.getType().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/claim-type", "pharmacy", null));
		denial.addAddItem().setProductOrService(new CodeableConcept(new Coding(RXNORM, spec.service(), null)));
		client.update().resource(denial).execute();
		Task task = caseTask(spec);
		put(task, "triaged", spec.deniedAt());
		if (spec.submittedAt() != null) {
			put(task, "submitted", spec.submittedAt());
			writeSubmission(spec);
		}
		if (spec.decidedAt() != null) {
			put(task, spec.outcome(), spec.decidedAt());
		}
	}

	private Task caseTask(CaseSpec spec) {
		Task task = new Task().setStatus(Task.TaskStatus.READY).setIntent(Task.TaskIntent.ORDER);
		task.setId("case-denial-" + spec.id());
		task.getCode().addCoding(new Coding(CODES + "task-type", "recourse-case", null));
		task.setFocus(new Reference("ClaimResponse/denial-" + spec.id())).setFor(new Reference("Patient/" + patient));
		task.addExtension(EXT + "denial-category", concept("denial-category", spec.category()));
		task.addExtension(EXT + "pathway", concept("pathway", spec.pathway()));
		if (spec.deadline() != null) {
			task.getRestriction().getPeriod().setEndElement(new DateTimeType(spec.deadline().toString()));
		}
		return task;
	}

	private void put(Task task, String stage, Instant at) {
		task.setBusinessStatus(concept("case-stage", stage)).setLastModified(Date.from(at));
		client.update().resource(task).execute();
	}

	private void writeSubmission(CaseSpec spec) {
		Task submission = new Task().setStatus(Task.TaskStatus.COMPLETED).setIntent(Task.TaskIntent.ORDER);
		submission.setId("submission-" + spec.id());
		submission.getCode().addCoding(new Coding(CODES + "task-type", "submission", null));
		submission.addPartOf(new Reference("Task/case-denial-" + spec.id())).setFor(new Reference("Patient/" + patient));
		submission.setAuthoredOn(Date.from(spec.submittedAt()));
		if (spec.decisionDue() != null) {
			submission.addExtension(new Extension(SubmissionClock.DECISION_DUE, new DateTimeType(Date.from(spec.decisionDue()))));
		}
		client.update().resource(submission).execute();
	}

	/** A request received by the payer side and its answer: pended, then decided with {@code action} (null: left pended). */
	void writeRequest(String id, String payer, Instant receivedAt, boolean stat, String certificationType, String action) {
		Claim claim = new Claim().setStatus(Claim.ClaimStatus.ACTIVE).setUse(Claim.Use.PREAUTHORIZATION)
				.setPatient(new Reference("Patient/" + patient)).setCreated(Date.from(receivedAt));
		claim.setId("pas-" + id + "-claim");
		claim.setPriority(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/processpriority", stat ? "stat" : "normal", null)));
		Claim.ItemComponent item = claim.addItem().setSequence(1);
		if (certificationType != null) {
			item.addExtension(RequestFacts.CERTIFICATION_TYPE, new CodeableConcept(new Coding("https://codesystem.x12.org/005010/1322", certificationType, null)));
		}
		client.update().resource(claim).execute();
		ClaimResponse answer = new ClaimResponse().setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE)
				.setUse(ClaimResponse.Use.PREAUTHORIZATION).setOutcome(ClaimResponse.RemittanceOutcome.COMPLETE)
				.setCreated(Date.from(receivedAt)).setPatient(new Reference("Patient/" + patient))
				.setRequest(new Reference("Claim/pas-" + id + "-claim"))
				.setInsurer(new Reference().setIdentifier(new Identifier().setSystem(ORG_SYSTEM).setValue(payer)));
		answer.setId("pas-" + id);
		answer.addIdentifier().setSystem(RequestFacts.TRACKING_NUMBER_SYSTEM).setValue(id);
		answer.getType().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/claim-type", "professional", null));
		review(answer, "A4");
		client.update().resource(answer).execute();
		if (action != null) {
			review(answer, action);
			client.update().resource(answer).execute();
		}
	}

	private static void review(ClaimResponse answer, String action) {
		answer.getItem().clear();
		Extension reviewAction = new Extension(dev.recourse.denial.CodeSystems.PAS_REVIEW_ACTION);
		reviewAction.addExtension(dev.recourse.denial.CodeSystems.PAS_REVIEW_ACTION_CODE,
				new CodeableConcept(new Coding(dev.recourse.denial.CodeSystems.X12_REVIEW_ACTION, action, null)));
		answer.addItem().setItemSequence(1).addAdjudication().setCategory(new CodeableConcept(new Coding(
				"http://terminology.hl7.org/CodeSystem/adjudication", "submitted", null))).addExtension(reviewAction);
	}

	private static CodeableConcept concept(String system, String code) {
		return new CodeableConcept(new Coding(CODES + system, code, null));
	}
}
