package dev.recourse.packet;

import dev.recourse.casework.PlanRecords;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * The appeal or exception request Claim, from a {@link RequestSeed} — the denied request when it is on file, else
 * what the case holds: its patient, payer, provider, coverage, diagnoses and items carry over unchanged; what is
 * new is the certification type (appeal) or exception type, the payer's reference number of the denied review,
 * the link to the denied request, and the supporting information — the criteria map, the letter, the evidence.
 */
final class RequestClaimBuilder {
	private static final String PAS = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/";
	private static final String ORIGINAL_REQUEST = "http://recourse.dev/fhir/StructureDefinition/original-request";
	private static final String EXCEPTION_TYPE = "http://recourse.dev/fhir/StructureDefinition/exception-type";
	private static final String X12_1322 = "https://codesystem.x12.org/005010/1322";
	private static final String X12_1338 = "https://codesystem.x12.org/005010/1338";
	private static final String X12_755 = "https://codesystem.x12.org/005010/755";
	private static final String X12_756 = "https://codesystem.x12.org/005010/756";
	private static final Map<String, String> CERTIFICATION_TYPES = Map.of("1", "Appeal - Immediate", "2", "Appeal - Standard", "I", "Initial");
	private static final String PAS_TEMP_CODES = "http://hl7.org/fhir/us/davinci-pas/CodeSystem/PASTempCodes";

	private RequestClaimBuilder() {
	}

	/** @param requestId the request's identifier value, stable for the same case content */
	/** @param serviceSystems the code systems PAS binds {@code item.productOrService} to */
	static Claim build(CaseFile file, RequestSeed seed, PacketKind kind, String requestId, Date created, Set<String> serviceSystems) {
		Claim claim = new Claim();
		claim.getMeta().addProfile(kind.profile());
		claim.addIdentifier(new Identifier().setSystem("http://recourse.dev/fhir/sid/request").setValue(requestId));
		claim.setStatus(Claim.ClaimStatus.ACTIVE);
		claim.setUse(Claim.Use.PREAUTHORIZATION);
		claim.setType(seed.type());
		claim.setPatient(seed.patient());
		claim.setCreated(created);
		claim.setInsurer(seed.insurer());
		claim.setProvider(seed.provider());
		claim.setPriority(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/processpriority", kind.expedited() ? "stat" : "normal", null)));
		seed.careTeam().forEach(claim::addCareTeam);
		seed.diagnoses().forEach(claim::addDiagnosis);
		seed.insurance().forEach(claim::addInsurance);
		seed.originalRequest().ifPresent(original -> claim.addExtension(ORIGINAL_REQUEST, original));
		claim.addExtension(PacketChecks.PATHWAY, new CodeableConcept(new Coding("http://recourse.dev/fhir/CodeSystem/pathway", kind.pathway(), null)));
		kind.exceptionType().ifPresent(type -> claim.addExtension(EXCEPTION_TYPE,
				new CodeableConcept(new Coding("http://recourse.dev/fhir/CodeSystem/exception-type", type, null))));
		List<Integer> information = supportingInfo(claim, file);
		Optional<String> reviewNumber = PlanRecords.reviewNumber(file.denial());
		for (Claim.ItemComponent item : seed.items()) {
			item.setProductOrService(asPasBinds(item.getProductOrService(), serviceSystems));
			item.getExtension().removeIf(extension -> extension.getUrl().equals(PAS + "extension-certificationType")
					|| extension.getUrl().equals(PAS + "extension-administrationReferenceNumber"));
			reviewNumber.ifPresent(number -> item.addExtension(PAS + "extension-administrationReferenceNumber", new StringType(number)));
			kind.certificationType().ifPresent(code -> item.addExtension(PAS + "extension-certificationType",
					new CodeableConcept(new Coding(X12_1322, code, CERTIFICATION_TYPES.get(code)))));
			if (kind.expedited() && item.getExtensionByUrl(PAS + "extension-levelOfServiceCode") == null) {
				item.addExtension(PAS + "extension-levelOfServiceCode", new CodeableConcept(new Coding(X12_1338, "U", "Urgent")));
			}
			item.getInformationSequence().clear();
			information.forEach(item::addInformationSequence);
			claim.addItem(item);
		}
		return claim;
	}

	/**
	 * Only the codings from the systems PAS binds productOrService to (required: CPT, HCPCS, ICD-10-PCS, NDC, X12 service
	 * types), when there is one: a request coded HCPCS J3590 and RxNorm fails PAS validation for the RxNorm coding, which
	 * served our policy matching and says nothing the payer's binding takes. The text stays.
	 */
	static CodeableConcept asPasBinds(CodeableConcept product, Set<String> serviceSystems) {
		if (product.getCoding().stream().noneMatch(coding -> serviceSystems.contains(coding.getSystem()))) {
			return product;
		}
		CodeableConcept bound = product.copy();
		bound.getCoding().removeIf(coding -> !serviceSystems.contains(coding.getSystem()));
		return bound;
	}

	/** The denied request by identifier: a packet holds one Claim, the new request. */
	static Reference logical(Claim original) {
		Reference reference = new Reference().setType("Claim");
		original.getIdentifier().stream().findFirst().ifPresent(identifier -> reference.setIdentifier(identifier.copy()));
		return reference;
	}

	/** Map, letter and evidence as PAS additionalInformation, in that order; returns their sequence numbers. */
	private static List<Integer> supportingInfo(Claim claim, CaseFile file) {
		file.map().ifPresent(map -> additional(claim, "QuestionnaireResponse/" + map.getIdElement().getIdPart(), "OZ"));
		file.letter().ifPresent(letter -> additional(claim, "DocumentReference/" + letter.getIdElement().getIdPart(), "OZ"));
		for (DocumentReference evidence : file.evidence()) {
			additional(claim, "DocumentReference/" + evidence.getIdElement().getIdPart(), "OZ");
		}
		return claim.getSupportingInfo().stream().map(Claim.SupportingInformationComponent::getSequence).toList();
	}

	/** X12 755 report type OZ (support data for claim), 756 transmission EL (electronically only): the document travels in the bundle. */
	private static void additional(Claim claim, String reference, String reportType) {
		Claim.SupportingInformationComponent info = claim.addSupportingInfo();
		info.setSequence(claim.getSupportingInfo().size());
		info.setCategory(new CodeableConcept(new Coding(PAS_TEMP_CODES, "additionalInformation", null)));
		Extension document = info.addExtension().setUrl(PAS + "extension-documentInformation");
		document.addExtension("reportTypeCode", new CodeableConcept(new Coding(X12_755, reportType, null)));
		document.addExtension("transmissionMethod", new CodeableConcept(new Coding(X12_756, "EL", null)));
		info.setValue(new Reference(reference));
	}
}
