package dev.recourse.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** The appeal request built from the case when the denied request is not on file, and what stops it. */
class ScratchRequestTest {
	private static final String PAS = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/";
	private static final String SNOMED = "http://snomed.info/sct";
	private final RequestItemRules rules = RequestItemRules.load();

	@Test
	void productOrService_keepsOnlyTheCodingsPasBindsItTo_whenThereIsOne() {
		java.util.Set<String> pas = java.util.Set.of("http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets");
		org.hl7.fhir.r4.model.CodeableConcept both = new org.hl7.fhir.r4.model.CodeableConcept()
				.addCoding(new org.hl7.fhir.r4.model.Coding("http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "J3590", null))
				.addCoding(new org.hl7.fhir.r4.model.Coding("http://www.nlm.nih.gov/research/umls/rxnorm", "1665684", null)).setText("evolocumab");
		org.hl7.fhir.r4.model.CodeableConcept rxOnly = new org.hl7.fhir.r4.model.CodeableConcept()
				.addCoding(new org.hl7.fhir.r4.model.Coding("http://www.nlm.nih.gov/research/umls/rxnorm", "1665684", null));

		assertThat(RequestClaimBuilder.asPasBinds(both, pas).getCoding()).extracting(org.hl7.fhir.r4.model.Coding::getCode).containsExactly("J3590");
		assertThat(RequestClaimBuilder.asPasBinds(both, pas).getText()).isEqualTo("evolocumab");
		assertThat(both.getCoding()).as("the case's own record is left alone").hasSize(2);
		assertThat(RequestClaimBuilder.asPasBinds(rxOnly, pas)).as("nothing to keep instead: as it was, for validation to name").isSameAs(rxOnly);
	}

	@Test
	void readyCase_withoutRequest_hasNoProblems() {
		assertThat(PacketChecks.check(ScratchCases.ready(ScratchCases.denial(), List.of()), rules)).isEmpty();
	}

	@Test
	void appeal_fromTheCase_carriesPartiesCoverageItemAndReviewNumber() {
		CaseFile file = ScratchCases.ready(ScratchCases.denial(), List.of());

		Claim claim = build(file);

		assertThat(claim.getMeta().hasProfile(PacketKind.APPEAL)).isTrue();
		assertThat(claim.getPatient().getReference()).isEqualTo("Patient/p1");
		assertThat(claim.getInsurer().getReference()).isEqualTo("Organization/payer");
		assertThat(claim.getProvider().getReference()).isEqualTo("Organization/clinic");
		assertThat(claim.getType().getCodingFirstRep().getCode()).isEqualTo("professional");
		assertThat(claim.getInsurance()).singleElement().satisfies(insurance -> {
			assertThat(insurance.getCoverage().getReference()).isEqualTo("Coverage/cov-1");
			assertThat(insurance.getFocal()).isTrue();
		});
		assertThat(claim.getPriority().getCodingFirstRep().getCode()).isEqualTo("normal");
		Claim.ItemComponent item = claim.getItemFirstRep();
		assertThat(item.getProductOrService().getCodingFirstRep().getCode()).isEqualTo("J2350");
		assertThat(((CodeableConcept) item.getExtensionByUrl(PAS + "extension-certificationType").getValue()).getCodingFirstRep().getCode()).isEqualTo("2");
		assertThat(((StringType) item.getExtensionByUrl(PAS + "extension-administrationReferenceNumber").getValue()).getValue()).isEqualTo("UM-558812");
		assertThat(item.getInformationSequence()).extracting(sequence -> sequence.getValue()).containsExactly(1, 2);
		assertThat(originalRequest(claim).getIdentifier().getValue()).isEqualTo("UM-558812");
		assertThat(originalRequest(claim).getType()).isEqualTo("Claim");
		assertThat(originalRequest(claim).hasReference()).isFalse();
	}

	@Test
	void theDenialsRequestIdentifier_namesTheOriginal_beforeTheReviewNumber() {
		ClaimResponse denial = ScratchCases.denial();
		denial.setRequest(new Reference().setIdentifier(new Identifier().setSystem("urn:trnorg:9012345678").setValue("111099")));

		Claim claim = build(ScratchCases.ready(denial, List.of()));

		assertThat(originalRequest(claim).getIdentifier().getSystem()).isEqualTo("urn:trnorg:9012345678");
		assertThat(originalRequest(claim).getIdentifier().getValue()).isEqualTo("111099");
	}

	@Test
	void diagnoses_areTheIcd10CodesOfThePatientsCitedConditions_onceEach_inCitationOrder() {
		List<Condition> cited = List.of(
				ScratchCases.condition("Patient/p1", ScratchRequest.ICD_10_CM, "G35.A"),
				ScratchCases.condition("Patient/p1", SNOMED, "426373005"),
				ScratchCases.condition("Patient/p1", ScratchRequest.ICD_10_CM, "G35.A"),
				ScratchCases.condition("Patient/someone-else", ScratchRequest.ICD_10_CM, "M06.9"),
				ScratchCases.condition("Patient/p1/_history/3", ScratchRequest.ICD_10_CM, "H46.9"));

		Claim claim = build(ScratchCases.ready(ScratchCases.denial(), cited));

		assertThat(claim.getDiagnosis()).extracting(diagnosis -> diagnosis.getDiagnosisCodeableConcept().getCodingFirstRep().getCode())
				.containsExactly("G35.A", "H46.9");
		assertThat(claim.getDiagnosis()).extracting(Claim.DiagnosisComponent::getSequence).containsExactly(1, 2);
		assertThat(claim.getItemFirstRep().getDiagnosisSequence()).extracting(sequence -> sequence.getValue()).containsExactly(1, 2);
	}

	@Test
	void noCitedCondition_noDiagnosis() {
		Claim claim = build(ScratchCases.ready(ScratchCases.denial(), List.of()));

		assertThat(claim.getDiagnosis()).isEmpty();
		assertThat(claim.getItemFirstRep().getDiagnosisSequence()).isEmpty();
	}

	@Test
	void denialWithoutAddItem_is422NamingTheProduct_notTheRequest() {
		ClaimResponse denial = ScratchCases.denial();
		denial.getAddItem().clear();

		assertThat(PacketChecks.check(ScratchCases.ready(denial, List.of()), rules)).extracting(PacketProblem::element)
				.containsExactly("ClaimResponse.addItem.productOrService");
	}

	@Test
	void aPractitionerAsRequestor_isAProblem_PasTakesAnOrganizationOrRole() {
		ClaimResponse denial = ScratchCases.denial();
		denial.setRequestor(new Reference("Practitioner/prescriber"));

		assertThat(PacketChecks.check(ScratchCases.ready(denial, List.of()), rules)).singleElement().satisfies(problem -> {
			assertThat(problem.element()).isEqualTo("ClaimResponse.requestor");
			assertThat(problem.message()).contains("a Practitioner", "Organization or a PractitionerRole");
		});
	}

	@Test
	void noReviewNumber_is422_withoutTheRequestAsWith() {
		ClaimResponse denial = ScratchCases.denial();
		denial.setPreAuthRef(null);

		assertThat(PacketChecks.check(ScratchCases.ready(denial, List.of()), rules)).extracting(PacketProblem::element)
				.containsExactly("ClaimResponse.preAuthRef");
		assertThat(ScratchRequest.originalRequest(denial)).isEmpty();
	}

	private Claim build(CaseFile file) {
		return RequestClaimBuilder.build(file, ScratchRequest.seed(file, rules), PacketKind.of("internal-appeal").orElseThrow(), "pending", new Date(),
				java.util.Set.of("http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets"));
	}

	private static Reference originalRequest(Claim claim) {
		return (Reference) claim.getExtensionByUrl("http://recourse.dev/fhir/StructureDefinition/original-request").getValue();
	}
}
