package dev.recourse.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code $assemble} over HTTP when the denied request is not on file: the PAS referral example's payer and provider
 * organisations on file, not its Claim; a patient of our own with the guide's Coverage (member id added), a relapsing
 * MS diagnosis and a prior DMT in the chart; the guide's rejection without its request link, naming the service as an
 * addItem (HCPCS J2350 ocrelizumab in an office). The appeal is built from those and validates; without an addItem
 * the refusal names the missing service.
 */
class AssembleWithoutRequestIT extends PacketCaseSteps {
	private static final String POLICY = "http://recourse.dev/fhir/Questionnaire/evicore-ocrelizumab-rms|2026.11-transcribed";
	private static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";

	@BeforeEach
	void partiesOnFile_notTheRequest() throws Exception {
		storeReferralExample(resource -> !(resource instanceof Claim));
	}

	@Test
	void denialWithAddItem_givesAnAppealBuiltFromTheCase_thatValidates() throws Exception {
		Chart chart = chartWithMs();
		Task caseTask = readyCase(denial(chart, true));

		Bundle packet = assemble(caseTask);

		Claim appeal = request(packet);
		assertThat(appeal.getMeta().hasProfile(PacketKind.APPEAL)).isTrue();
		assertThat(appeal.getPatient().getReference()).isEqualTo(chart.patient());
		assertThat(appeal.getInsurer().getReference()).isEqualTo("Organization/InsurerExample");
		assertThat(appeal.getProvider().getReference()).isEqualTo("Organization/UMOExample");
		assertThat(appeal.getInsuranceFirstRep().getCoverage().getReference()).isEqualTo(chart.coverage());
		Claim.ItemComponent item = appeal.getItemFirstRep();
		assertThat(item.getProductOrService().getCodingFirstRep().getCode()).isEqualTo("J2350");
		assertThat(item.getServicedDateType().getValueAsString()).isEqualTo("2026-12-01");
		assertThat(item.getLocationCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("11");
		assertThat(item.getCategory().getCodingFirstRep().getCode()).isEqualTo("1");
		// the guide's rejection has no reviewAction number or preAuthRef: its identifier is the payer's number of the review
		assertThat(item.getExtensionByUrl(PAS + "extension-administrationReferenceNumber").getValue().primitiveValue()).isEqualTo("111099");
		assertThat(appeal.getDiagnosis()).extracting(diagnosis -> diagnosis.getDiagnosisCodeableConcept().getCodingFirstRep().getCode())
				.containsExactly("G35.A");
		Reference original = (Reference) appeal.getExtensionByUrl("http://recourse.dev/fhir/StructureDefinition/original-request").getValue();
		assertThat(original.getIdentifier().getValue()).isEqualTo("111099");
		assertThat(packet.getEntry()).filteredOn(entry -> entry.getResource() instanceof Claim).hasSize(1);
		assertEveryLocalReferenceResolvesInside(packet);
		assertThat(validationErrors(packet)).isEmpty();
	}

	@Test
	void denialWithoutAddItem_is422_namingTheService_notTheRequest() throws Exception {
		Task caseTask = readyCase(denial(chartWithMs(), false));

		HttpResponse<String> response = post(caseTask);

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(expressions(response)).contains("ClaimResponse.addItem.productOrService").doesNotContain("ClaimResponse.request");
		assertThat(response.body()).contains("names no service", "store the original PAS request");
	}

	// --- the case

	/** {@code Patient/<id>} and {@code Coverage/<id>} of a chart on file. */
	private record Chart(String patient, String coverage) {
	}

	private Task readyCase(ClaimResponse denial) throws Exception {
		Task caseTask = openCase(denial);
		answerOpenCriteria(map(caseTask, POLICY));
		return withLetter(reread(caseTask), true);
	}

	/**
	 * A patient of our own (the guide's subscriber, adult) with a relapsing MS diagnosis and fingolimod stopped for
	 * inefficacy in the chart, and a copy of the guide's Coverage naming them, with a member id.
	 */
	private Chart chartWithMs() throws Exception {
		Bundle example = read(Bundle.class, REQUEST_BUNDLE);
		Patient patient = resource(example, Patient.class);
		patient.setId((String) null);
		patient.setBirthDateElement(new DateType("1980-04-12"));
		String patientRef = "Patient/" + client.create().resource(patient).execute().getId().getIdPart();
		Coverage coverage = resource(example, Coverage.class);
		coverage.setId((String) null);
		coverage.getIdentifierFirstRep().setValue("PAS-MEMBER-" + patientRef.substring("Patient/".length()));
		coverage.setBeneficiary(new Reference(patientRef));
		String coverageRef = "Coverage/" + client.create().resource(coverage).execute().getId().getIdPart();
		Condition ms = new Condition();
		ms.getClinicalStatus().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/condition-clinical").setCode("active");
		ms.getCode().addCoding().setSystem(ICD_10_CM).setCode("G35.A").setDisplay("Relapsing-remitting multiple sclerosis");
		ms.setSubject(new Reference(patientRef));
		client.create().resource(ms).execute();
		MedicationStatement fingolimod = new MedicationStatement();
		fingolimod.setStatus(MedicationStatement.MedicationStatementStatus.STOPPED);
		fingolimod.setCategory(new CodeableConcept(new Coding("http://recourse.dev/fhir/CodeSystem/artifact-type", "prior-therapy-episode", null)));
		fingolimod.getMedicationCodeableConcept().addCoding().setSystem("http://www.nlm.nih.gov/research/umls/rxnorm").setCode("354770").setDisplay("fingolimod");
		fingolimod.setEffective(new Period().setStartElement(new DateTimeType("2022-05-01")).setEndElement(new DateTimeType("2024-03-31")));
		fingolimod.addStatusReason().addCoding().setSystem("http://recourse.dev/fhir/CodeSystem/therapy-outcome").setCode("stopped-inefficacy");
		fingolimod.setSubject(new Reference(patientRef));
		client.create().resource(fingolimod).execute();
		return new Chart(patientRef, coverageRef);
	}

	/** The guide's rejection for this chart, without its link to the request; naming the service as an addItem or not. */
	private ClaimResponse denial(Chart chart, boolean withAddItem) throws Exception {
		ClaimResponse denial = read(ClaimResponse.class, DENIAL);
		denial.setRequest(null);
		denial.getPatient().setReference(chart.patient());
		// no denial.insurance: the case finds the patient's active Coverage
		if (withAddItem) {
			ClaimResponse.AddedItemComponent added = denial.addAddItem();
			added.addItemSequence(1);
			// the service not certified, as the guide's rejection says of its item
			added.addAdjudication(denial.getItemFirstRep().getAdjudicationFirstRep().copy());
			added.setProductOrService(new CodeableConcept(new Coding("http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "J2350",
					"Injection, ocrelizumab, 1 mg")));
			added.setServiced(new DateType("2026-12-01"));
			added.setLocation(new CodeableConcept(new Coding("https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set",
					"11", "Office")));
			added.setQuantity(new Quantity(600));
		}
		return denial;
	}

	private static <T> T resource(Bundle bundle, Class<T> type) {
		return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
	}
}
