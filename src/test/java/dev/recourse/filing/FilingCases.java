package dev.recourse.filing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import dev.recourse.packet.SeedPlan;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

/**
 * A case for a filing test, stored over HTTP: SeedPlan's plan and PAS denial (CARC 50, medical necessity, ocrelizumab for
 * relapsing MS, prescriber Nadia Ferro), dated {@code notice}, at a decision level (null: none marked, so initial), with
 * the test's changes to the patient and the Coverage; then {@code $open-case}.
 */
public final class FilingCases {
	private FilingCases() {
	}

	public record Filed(SeedPlan plan, String caseId) {
	}

	public static Filed open(FhirContext fhirContext, IGenericClient client, LocalDate notice, String regime, String decisionLevel,
			Consumer<Patient> patient, Consumer<Coverage> coverage) {
		SeedPlan plan = new SeedPlan("fil-" + UUID.randomUUID().toString().substring(0, 8), "/fixtures/ehr/Bundle-uscore-patient-85.json", "filing-payer",
				"Hudson Health Plan", regime, new CodeableConcept(new Coding(SeedPlan.HCPCS, "J2350", "Injection, ocrelizumab, 1 mg")),
				new Coding(SeedPlan.ICD10, "G35.A", "Relapsing-remitting multiple sclerosis"), "50",
				"Not medically necessary: the documentation does not show the criteria are met.", true);
		Bundle transaction = plan.transaction(fhirContext, "Ferro", "Nadia", "Neurologist");
		for (Bundle.BundleEntryComponent entry : transaction.getEntry()) {
			Resource resource = entry.getResource();
			if (resource instanceof Patient p) {
				patient.accept(p);
			} else if (resource instanceof Coverage c) {
				coverage.accept(c);
			} else if (resource instanceof ClaimResponse denial) {
				denial.setCreatedElement(new DateTimeType(notice.toString()));
				if (decisionLevel != null) {
					denial.addExtension(dev.recourse.denial.DecisionLevel.EXTENSION, new CodeType(decisionLevel));
				}
			}
		}
		client.transaction().withBundle(transaction).execute();
		Task caseTask = client.operation().onInstance("ClaimResponse/" + plan.denialId()).named("$open-case").withNoParameters(Parameters.class)
				.returnResourceType(Task.class).execute();
		return new Filed(plan, caseTask.getIdElement().getIdPart());
	}
}
