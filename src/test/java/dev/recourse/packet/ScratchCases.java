package dev.recourse.packet;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * Case files for the unit tests of a request built without the denied request: the ocrelizumab appeal of the
 * guide's example (HCPCS J2350 in an office, a relapsing MS diagnosis), ready to send unless a test takes
 * something away.
 */
final class ScratchCases {
	static final String HCPCS = RequestItemRulesTest.HCPCS;
	static final String POS = "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";

	private ScratchCases() {
	}

	/** A denial with no request, of the payer's review UM-558812, naming the service as an addItem. */
	static ClaimResponse denial() {
		ClaimResponse denial = new ClaimResponse();
		denial.setId("ClaimResponse/denial-1");
		denial.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/claim-type", "professional", null)));
		denial.setPatient(new Reference("Patient/p1"));
		denial.setInsurer(new Reference("Organization/payer"));
		denial.setRequestor(new Reference("Organization/clinic"));
		denial.setPreAuthRef("UM-558812");
		denial.addAddItem(ocrelizumab());
		return denial;
	}

	static ClaimResponse.AddedItemComponent ocrelizumab() {
		ClaimResponse.AddedItemComponent added = new ClaimResponse.AddedItemComponent();
		added.setProductOrService(new CodeableConcept(new Coding(HCPCS, "J2350", "Injection, ocrelizumab, 1 mg")));
		added.setServiced(new DateType("2026-12-01"));
		added.setLocation(new CodeableConcept(new Coding(POS, "11", "Office")));
		added.setQuantity(new Quantity(600));
		return added;
	}

	static Condition condition(String patient, String system, String code) {
		Condition condition = new Condition();
		condition.setSubject(new Reference(patient));
		condition.getCode().addCoding(new Coding(system, code, null));
		return condition;
	}

	/** Ready to send: an answered map, a signed internal-appeal letter, a Coverage with a member id; no request on file. */
	static CaseFile ready(ClaimResponse denial, List<Condition> conditions) {
		Task caseTask = new Task();
		caseTask.setId("Task/case-1");
		caseTask.setFor(new Reference("Patient/p1"));
		caseTask.setFocus(new Reference("ClaimResponse/denial-1"));
		Patient patient = new Patient();
		patient.setId("Patient/p1");
		Coverage coverage = new Coverage();
		coverage.setId("Coverage/cov-1");
		coverage.addIdentifier().setValue("M-0001").getType().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "MB", null));
		QuestionnaireResponse map = new QuestionnaireResponse();
		map.setId("QuestionnaireResponse/map-1");
		DocumentReference letter = new DocumentReference();
		letter.setId("DocumentReference/letter-1");
		letter.setAuthenticator(new Reference("Practitioner/prescriber"));
		letter.addExtension(PacketChecks.PATHWAY, new CodeableConcept(new Coding("http://recourse.dev/fhir/CodeSystem/pathway", "internal-appeal", null)));
		return new CaseFile(caseTask, denial, patient, Optional.empty(), Optional.of(coverage), Optional.of(map), Optional.of(letter), List.of(),
				conditions);
	}
}
