package dev.recourse.packet;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * The plan's side of a seed situation, as an EHR integration would send it: the patient as registered (demographics
 * and identifiers of a third-party fixture patient, so the pull finds them at the EHR), the payer, the prescriber,
 * the requesting clinic and the prescriber's role there, the Coverage with its member id and plan regime, the denied PAS request (when on file) and the denial in the
 * Da Vinci PAS shape (review action A3 with the payer's review number, a CARC, the letter's text).
 *
 * @param key prefix of every id, unique per test run
 * @param fixture classpath of the fixture bundle holding the patient
 * @param payer the payer's identifier value (system {@code http://recourse.dev/fhir/sid/payer}), as the policies name it
 * @param regime plan-regime code
 * @param product the denied drug or service (PAS binds it to CPT, HCPCS, NDC, ICD-10-PCS or X12 service types)
 * @param diagnosis the ICD-10-CM code the request is for
 * @param carc the CARC on the denial
 * @param letterText the denial letter's text (processNote)
 * @param requestOnFile whether the denied PAS request Claim is stored with the denial
 */
public record SeedPlan(String key, String fixture, String payer, String payerName, String regime, CodeableConcept product, Coding diagnosis, String carc,
		String letterText, boolean requestOnFile) {
	public static final String PAYER_IDS = "http://recourse.dev/fhir/sid/payer";
	public static final String PAS = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/";
	public static final String HCPCS = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
	public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
	public static final String ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";

	public String patientId() {
		return key + "-patient";
	}

	public String prescriberId() {
		return key + "-prescriber";
	}

	public String denialId() {
		return key + "-denial";
	}

	public String memberId() {
		return key.toUpperCase() + "-M01";
	}

	public String reviewNumber() {
		return key.toUpperCase() + "-UM-1";
	}

	/** Everything above as one transaction of PUTs. */
	public Bundle transaction(FhirContext fhirContext, String prescriberFamily, String prescriberGiven, String specialty) {
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		put(transaction, patient(fhirContext));
		put(transaction, payerOrganization());
		put(transaction, prescriber(prescriberFamily, prescriberGiven));
		put(transaction, clinic());
		put(transaction, prescriberRole(specialty));
		put(transaction, coverage());
		request().ifPresent(claim -> put(transaction, claim));
		put(transaction, denial());
		return transaction;
	}

	/** The fixture patient's identifiers, name, sex and birth date: who the EHR knows, as the plan registered them. */
	private Patient patient(FhirContext fhirContext) {
		Bundle bundle;
		try (InputStream in = SeedPlan.class.getResourceAsStream(fixture)) {
			bundle = fhirContext.newJsonParser().parseResource(Bundle.class, in);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Patient source = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Patient.class::isInstance)
				.map(Patient.class::cast).findFirst().orElseThrow();
		Patient patient = new Patient();
		patient.setId(patientId());
		source.getIdentifier().forEach(identifier -> patient.addIdentifier(new Identifier().setSystem(identifier.getSystem()).setValue(identifier.getValue())));
		source.getName().forEach(name -> patient.addName(name.copy()));
		patient.setGender(source.getGender());
		patient.setBirthDateElement(new DateType(source.getBirthDateElement().getValueAsString()));
		return patient;
	}

	private Organization payerOrganization() {
		Organization organization = new Organization();
		organization.setId(key + "-payer");
		organization.getMeta().addProfile("http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-insurer");
		organization.setActive(true);
		organization.addIdentifier().setSystem(PAYER_IDS).setValue(payer);
		organization.setName(payerName);
		organization.addType().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/organization-type").setCode("pay").setDisplay("Payer");
		return organization;
	}

	private Practitioner prescriber(String family, String given) {
		Practitioner practitioner = new Practitioner();
		practitioner.setId(prescriberId());
		practitioner.addIdentifier().setSystem("http://hl7.org/fhir/sid/us-npi").setValue("1234567893");
		practitioner.addName().setFamily(family).addGiven(given);
		practitioner.addQualification().getCode().setText("MD");
		return practitioner;
	}

	/** The requesting provider, as PAS has it: the clinic (profile-requestor) and the prescriber's role there. */
	private Organization clinic() {
		Organization organization = new Organization();
		organization.setId(clinicId());
		organization.getMeta().addProfile("http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-requestor");
		organization.setActive(true);
		organization.addIdentifier().setSystem("http://hl7.org/fhir/sid/us-npi").setValue("1497758544");
		organization.setName("Riverside Specialty Clinic");
		organization.addType().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/organization-type").setCode("prov").setDisplay("Healthcare Provider");
		return organization;
	}

	private PractitionerRole prescriberRole(String specialty) {
		PractitionerRole role = new PractitionerRole();
		role.setId(key + "-prescriber-role");
		role.setActive(true);
		role.setPractitioner(new Reference("Practitioner/" + prescriberId()));
		role.setOrganization(new Reference("Organization/" + clinicId()));
		role.addSpecialty().setText(specialty);
		role.addTelecom().setSystem(org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.PHONE).setValue("555-0142");
		return role;
	}

	public String clinicId() {
		return key + "-clinic";
	}

	private Coverage coverage() {
		Coverage coverage = new Coverage();
		coverage.setId(key + "-coverage");
		coverage.setStatus(Coverage.CoverageStatus.ACTIVE);
		coverage.addIdentifier().setSystem("http://recourse.dev/fhir/sid/member/" + payer).setValue(memberId()).getType()
				.addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v2-0203").setCode("MB");
		coverage.addExtension("http://recourse.dev/fhir/StructureDefinition/plan-regime",
				new CodeableConcept(new Coding("http://recourse.dev/fhir/CodeSystem/plan-regime", regime, null)));
		coverage.setSubscriberId(memberId());
		coverage.setSubscriber(new Reference("Patient/" + patientId()));
		coverage.setBeneficiary(new Reference("Patient/" + patientId()));
		coverage.getRelationship().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/subscriber-relationship").setCode("self");
		coverage.addPayor(new Reference("Organization/" + key + "-payer"));
		return coverage;
	}

	/** The denied request, in the PAS Claim shape: one item, the drug or service, for the diagnosis. */
	private Optional<Claim> request() {
		if (!requestOnFile) {
			return Optional.empty();
		}
		Claim claim = new Claim();
		claim.setId(key + "-request");
		claim.getMeta().addProfile("http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-claim");
		claim.addIdentifier().setSystem("http://recourse.test/pa-request").setValue(key.toUpperCase() + "-PA-1");
		claim.setStatus(Claim.ClaimStatus.ACTIVE);
		claim.getType().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/claim-type").setCode("professional");
		claim.setUse(Claim.Use.PREAUTHORIZATION);
		claim.setPatient(new Reference("Patient/" + patientId()));
		claim.setCreated(new Date());
		claim.setInsurer(new Reference("Organization/" + key + "-payer"));
		claim.setProvider(new Reference("Organization/" + clinicId()));
		claim.addCareTeam().setSequence(1).setProvider(new Reference("PractitionerRole/" + key + "-prescriber-role"))
				.addExtension(PAS + "extension-careTeamClaimScope", new BooleanType(true));
		claim.getPriority().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/processpriority").setCode("normal");
		claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference("Coverage/" + key + "-coverage"));
		claim.addDiagnosis().setSequence(1).setDiagnosis(new CodeableConcept(diagnosis.copy()));
		Claim.ItemComponent item = claim.addItem().setSequence(1);
		item.addExtension(PAS + "extension-serviceItemRequestType",
				new CodeableConcept(new Coding("https://codesystem.x12.org/005010/1525", "HS", "Health Services Review")));
		item.addExtension(PAS + "extension-certificationType", new CodeableConcept(new Coding("https://codesystem.x12.org/005010/1322", "I", "Initial")));
		item.addDiagnosisSequence(1);
		item.setCategory(new CodeableConcept(new Coding("https://codesystem.x12.org/005010/1365", "1", "Medical Care")));
		item.setProductOrService(product.copy());
		item.setServiced(new DateType(new Date()));
		item.setLocation(new CodeableConcept(new Coding("https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set", "11", "Office")));
		return Optional.of(claim);
	}

	/** The denial: PAS review action A3 (not certified) with the payer's review number, the CARC, and the letter's text. */
	private ClaimResponse denial() {
		ClaimResponse denial = new ClaimResponse();
		denial.setId(denialId());
		denial.setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE);
		denial.getType().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/claim-type").setCode("professional");
		denial.setUse(ClaimResponse.Use.PREAUTHORIZATION);
		denial.setPatient(new Reference("Patient/" + patientId()));
		denial.setCreated(new Date());
		denial.setInsurer(new Reference("Organization/" + key + "-payer").setIdentifier(new Identifier().setSystem(PAYER_IDS).setValue(payer)));
		denial.setRequestor(new Reference("Organization/" + clinicId()));
		if (requestOnFile) {
			denial.setRequest(new Reference("Claim/" + key + "-request"));
		} else {
			// some payers answer with the service they decided on as an added item, when the request is not echoed back
			ClaimResponse.AddedItemComponent decided = denial.addAddItem().addItemSequence(1).setProductOrService(product.copy())
					.setServiced(new DateType(new Date()))
					.setLocation(new CodeableConcept(new Coding("https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set", "11", "Office")));
			decided.addAdjudication().getCategory().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/adjudication").setCode("submitted");
		}
		denial.setOutcome(ClaimResponse.RemittanceOutcome.COMPLETE);
		denial.setDisposition("Not certified.");
		denial.addIdentifier().setSystem("http://recourse.test/um-review").setValue(reviewNumber());
		ClaimResponse.AdjudicationComponent adjudication = denial.addItem().setItemSequence(1).addNoteNumber(1).addAdjudication();
		adjudication.getCategory().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/adjudication").setCode("submitted");
		adjudication.getReason().addCoding().setSystem("https://x12.org/codes/claim-adjustment-reason-codes").setCode(carc);
		var reviewAction = adjudication.addExtension().setUrl(PAS + "extension-reviewAction");
		reviewAction.addExtension("number", new StringType(reviewNumber()));
		reviewAction.addExtension(PAS + "extension-reviewActionCode",
				new CodeableConcept(new Coding("https://codesystem.x12.org/005010/306", "A3", "Not Certified")));
		denial.addProcessNote().setNumber(1).setType(org.hl7.fhir.r4.model.Enumerations.NoteType.PRINT).setText(letterText);
		denial.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference("Coverage/" + key + "-coverage"));
		return denial;
	}

	private static void put(Bundle transaction, Resource resource) {
		String url = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
		transaction.addEntry().setFullUrl(url).setResource(resource).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(url);
	}
}
