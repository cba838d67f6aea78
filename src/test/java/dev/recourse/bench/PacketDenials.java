package dev.recourse.bench;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * What arrives with a denial, for the packet benchmark's patient, built from the Da Vinci PAS referral example as
 * {@code AssembleIT} stores it: the payer and requesting provider (Organizations, the Practitioner, their role and
 * location) once per run under the example's ids; then per case one transaction of the patient (patient 85's MRN,
 * birth date and sex, so the pull finds them at the EHR), their Coverage with a member id of type MB, the denied PAS
 * request Claim — the example's, but asking for adalimumab (HCPCS J0135) for rheumatoid arthritis (M06.9), what the
 * {@code cigna-adalimumab-ra} policy covers and the grown chart proves — and the PAS denial example answering it.
 */
final class PacketDenials {
	static final String REQUEST_BUNDLE = "/fixtures/davinci-pas-2.2.1/Bundle-ReferralAuthorizationBundleExample.json";
	static final String DENIAL = "/fixtures/davinci-pas-2.2.1/ClaimResponse-RejectionResponseExample.json";
	/** The requesting Practitioner of the example: the prescriber who answers open criteria and signs the letter. */
	static final String PRESCRIBER = "Practitioner/ReferralPractitionerExample";
	/** The example's resources every case shares: payer, requesting provider, their practitioner and place. */
	private static final Set<String> SHARED = Set.of("Organization", "Practitioner", "PractitionerRole", "Location");
	private static final String PAS = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/";
	private final FhirContext fhir;
	private final Bundle example;
	private final ClaimResponse denialExample;

	PacketDenials(FhirContext fhir) throws IOException {
		this.fhir = fhir;
		this.example = read(Bundle.class, REQUEST_BUNDLE);
		this.denialExample = read(ClaimResponse.class, DENIAL);
	}

	/** The shared resources as a transaction of PUTs (idempotent). */
	String sharedTransaction() {
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (Resource resource : resources()) {
			if (SHARED.contains(resource.fhirType())) {
				String url = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
				transaction.addEntry().setResource(resource).setFullUrl(url).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(url);
			}
		}
		return fhir.newJsonParser().encodeResourceToString(transaction);
	}

	/**
	 * Case {@code n}'s transaction: Patient, Coverage, the denied request Claim and the denial, in that order, with
	 * {@code urn:uuid} references between them (the server assigns the ids).
	 */
	String caseTransaction(String run, int n) {
		String patientUrn = "urn:uuid:" + java.util.UUID.randomUUID();
		String coverageUrn = "urn:uuid:" + java.util.UUID.randomUUID();
		String claimUrn = "urn:uuid:" + java.util.UUID.randomUUID();
		String number = run + "-" + n;

		Patient patient = new Patient();
		patient.getMeta().addProfile(PAS + "profile-subscriber");
		patient.addIdentifier(PullCases.MRN.copy());
		patient.addName().setFamily("Packetbench").addGiven("Case " + n);
		patient.setGender(Enumerations.AdministrativeGender.MALE);
		patient.setBirthDateElement(new DateType(PullCases.BIRTH_DATE));

		Coverage coverage = (Coverage) one("Coverage").copy();
		coverage.setId((String) null);
		coverage.getIdentifierFirstRep().setSystem("http://example.org/member-id").setValue("MB-" + number);
		coverage.setBeneficiary(new Reference(patientUrn));

		Claim claim = (Claim) one("Claim").copy();
		claim.setId((String) null);
		claim.getIdentifierFirstRep().setValue("PA-" + number);
		claim.setPatient(new Reference(patientUrn));
		claim.setCreated(new Date());
		claim.getInsuranceFirstRep().setCoverage(new Reference(coverageUrn));
		claim.getSupportingInfo().clear(); // the example's note is about the example's patient
		claim.getDiagnosisFirstRep().setDiagnosis(new CodeableConcept(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "M06.9",
				"Rheumatoid arthritis, unspecified")));
		Claim.ItemComponent item = claim.getItemFirstRep();
		// a drug, not the example's consultation: its requested ServiceRequest (about the example's patient) goes too
		item.getExtension().removeIf(extension -> extension.getUrl().endsWith("extension-requestedService"));
		List<Extension> requestType = item.getExtension().stream().filter(extension -> extension.getUrl().endsWith("extension-serviceItemRequestType")).toList();
		requestType.forEach(extension -> extension.setValue(new CodeableConcept(new Coding("https://codesystem.x12.org/005010/1525", "HS",
				"Health Services Review"))));
		item.setCategory(new CodeableConcept(new Coding("https://codesystem.x12.org/005010/1365", "1", "Medical Care")));
		item.setProductOrService(new CodeableConcept(new Coding("http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "J0135",
				"Injection, adalimumab, 20 mg")));

		ClaimResponse denial = denialExample.copy();
		denial.setId((String) null);
		denial.getIdentifierFirstRep().setValue("PA-" + number);
		denial.setPatient(new Reference(patientUrn));
		denial.setRequest(new Reference(claimUrn));
		denial.setCreated(new Date());
		// No ClaimResponse.insurance naming this Coverage: PAS's ClaimResponse profile targets Coverage|4.0.1 there, which
		// the server's validator cannot resolve, so $assemble would refuse the packet (see bench/PACKET-RESULTS.md). The
		// case's Coverage is then the patient's active one on file: this one, or the EHR's pulled one (also with an MB id).

		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		add(transaction, patientUrn, patient);
		add(transaction, coverageUrn, coverage);
		add(transaction, claimUrn, claim);
		add(transaction, "urn:uuid:" + java.util.UUID.randomUUID(), denial);
		return fhir.newJsonParser().encodeResourceToString(transaction);
	}

	private static void add(Bundle transaction, String fullUrl, Resource resource) {
		transaction.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType());
	}

	private List<Resource> resources() {
		return example.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).map(Resource::copy).toList();
	}

	private Resource one(String type) {
		return resources().stream().filter(resource -> resource.fhirType().equals(type)).findFirst()
				.orElseThrow(() -> new IllegalStateException(REQUEST_BUNDLE + " has no " + type));
	}

	private <T extends org.hl7.fhir.instance.model.api.IBaseResource> T read(Class<T> type, String path) throws IOException {
		try (InputStream in = PacketDenials.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException(path + " is not on the test classpath");
			}
			return fhir.newJsonParser().parseResource(type, in);
		}
	}
}
