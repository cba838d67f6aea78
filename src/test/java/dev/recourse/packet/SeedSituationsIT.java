package dev.recourse.packet;

import static dev.recourse.packet.SeedCharts.allergy;
import static dev.recourse.packet.SeedCharts.condition;
import static dev.recourse.packet.SeedCharts.ldl;
import static dev.recourse.packet.SeedCharts.medication;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.ehr.fake.FakeEhr;
import dev.recourse.support.TestEhrs;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/**
 * The three seed situations of an appeal, end to end over HTTP on third-party fixture patients: the plan's side
 * stored as an EHR integration sends it (patient, payer, prescriber, Coverage, the denied PAS request, the PAS
 * denial), the clinical facts added at the test EHR, then case → {@code $pull-history} from that EHR → {@code
 * $map-criteria} (the policy chosen by payer, drug and diagnosis) → the specialist's answers → {@code
 * $draft-letter} → {@code $assemble} refused unsigned → the prescriber's {@code $sign} → {@code $assemble}: the
 * packet validates, and the letter's PDF (text extracted with PDFBox) states every criterion as the policy words it.
 * <ol>
 * <li>Off-label MS infusion: ocrelizumab for an 11-year-old with relapsing-remitting MS (DTR fixture patient
 * pat015) after fingolimod failed; labelled for adults only; a DrugDex listing attached.</li>
 * <li>RA step therapy with a methotrexate allergy: adalimumab for Synthea's Alejandro Riojas, whose
 * methotrexate trial ended after five weeks in a hypersensitivity reaction — a step-therapy exception.</li>
 * <li>PCSK9 with statin intolerance: evolocumab for US Core patient 85, myalgia on atorvastatin and on
 * rosuvastatin, LDL-C still high — every criterion proven from the chart, no specialist answer needed; the denied
 * request is not on file, so the appeal is built from the denial's added item and the chart.</li>
 * </ol>
 */
class SeedSituationsIT extends PacketCaseSteps {
	private static final String INFORMATION_ORIGIN = "http://hl7.org/fhir/us/davinci-dtr/StructureDefinition/information-origin";
	private static final String CRITERION_STATUS = "http://recourse.dev/fhir/StructureDefinition/criterion-status";
	private static final String STATUSES = "http://recourse.dev/fhir/CodeSystem/criterion-status";
	private static final String ARTIFACTS = "http://recourse.dev/fhir/CodeSystem/artifact-type";
	private static final String PAT015 = "pat015";
	private static final String ALEJANDRO = "829bb06a-42b9-433d-a8f6-560727c63da9";
	private static final String PATIENT_85 = "85";
	private static final LocalDate TODAY = LocalDate.now();

	@Test
	void offLabelMsInfusion_minorAfterFingolimod_appealWithCompendiumListing() throws Exception {
		SeedPlan plan = new SeedPlan(key("ms"), "/fixtures/ehr/Bundle-dtr-pat015.json", "evicore", "EviCore by Evernorth", "erisa-insured",
				new CodeableConcept(new Coding(SeedPlan.HCPCS, "J2350", "Injection, ocrelizumab, 1 mg")),
				new Coding(SeedPlan.ICD10, "G35.A", "Relapsing-remitting multiple sclerosis"), "50",
				"Ocrelizumab is not FDA-approved for members under 18 years of age. The requested use is off-label.", true);
		FakeEhr ehr = EHRS.searchOnly();
		ehr.add(condition(PAT015, "G35.A", "Relapsing-remitting multiple sclerosis", "2025-04-14"),
				medication(PAT015, "fingolimod 0.25 MG Oral Capsule", "2025-06-01", "2026-05-15", "Breakthrough relapses on therapy: ineffective"));
		Task caseTask = openCase(plan, "Kaur", "Priya", "Pediatric neurologist");

		Parameters pulled = pull(caseTask, null);
		assertThat(therapyOutcomes(pulled)).containsEntry("fingolimod", "stopped-inefficacy");
		QuestionnaireResponse map = map(caseTask);

		assertThat(map.getQuestionnaire()).startsWith("http://recourse.dev/fhir/Questionnaire/evicore-ocrelizumab-rms");
		assertThat(statuses(map)).containsEntry("diagnosis", "met").containsEntry("age", "not-met").containsEntry("prior-dmt", "met")
				.containsEntry("prescriber", "unknown");
		assertThat(offLabel(map, "compendiaStatus")).isEqualTo("unknown");
		String listing = attachCompendiumListing(caseTask, plan);
		map = map(caseTask);
		assertThat(offLabel(map, "labelStatus")).isEqualTo("not-met");
		assertThat(offLabel(map, "compendiaStatus")).isEqualTo("met");
		answer(map, plan, Map.of("age", false, "prescriber", true));
		String argument = "Pediatric relapsing MS is a compendia-supported use: DrugDex rates ocrelizumab Class IIa for it.";

		Bundle packet = letterSignedAndPacket(caseTask, plan, null, argument, List.of("Ocrelizumab", "fingolimod", "Oster", plan.memberId(), "Specialist's override (Priya Kaur)"));

		Claim appeal = (Claim) packet.getEntryFirstRep().getResource();
		assertThat(appeal.getMeta().hasProfile(PacketKind.APPEAL)).isTrue();
		assertThat(appeal.getItemFirstRep().getProductOrService().getCodingFirstRep().getCode()).isEqualTo("J2350");
		assertThat(references(appeal)).contains(listing);
	}

	@Test
	void raStepTherapy_methotrexateAllergy_stepTherapyException() throws Exception {
		SeedPlan plan = new SeedPlan(key("ra"), "/fixtures/ehr/Bundle-synthea-alejandro-riojas.json", "cigna", "Cigna", "erisa-insured",
				new CodeableConcept(new Coding(SeedPlan.HCPCS, "J0135", "Injection, adalimumab, 20 mg")),
				new Coding(SeedPlan.ICD10, "M06.9", "Rheumatoid arthritis, unspecified"), "50",
				"Step therapy: the member must first try a conventional DMARD such as methotrexate for at least 3 months.", true);
		FakeEhr ehr = EHRS.everything();
		String allergyStart = TODAY.minusMonths(8).toString();
		ehr.add(condition(ALEJANDRO, "M06.9", "Rheumatoid arthritis, unspecified", TODAY.minusMonths(10).toString()),
				medication(ALEJANDRO, "Methotrexate 2.5 MG Oral Tablet", TODAY.minusMonths(9).toString(), allergyStart,
						"Allergic reaction: hypersensitivity pneumonitis"),
				allergy(ALEJANDRO, "6851", "methotrexate", allergyStart, "Hypersensitivity pneumonitis"));
		Task caseTask = openCase(plan, "Reyes", "Marco", "Rheumatologist");

		Parameters pulled = pull(caseTask, "Endpoint/" + TestEhrs.EVERYTHING);
		assertThat(therapyOutcomes(pulled)).containsEntry("methotrexate", "stopped-allergy");
		QuestionnaireResponse map = map(caseTask);

		assertThat(map.getQuestionnaire()).startsWith("http://recourse.dev/fhir/Questionnaire/cigna-adalimumab-ra");
		assertThat(statuses(map)).containsEntry("diagnosis", "met").containsEntry("age", "met").containsEntry("csdmard-step", "unknown");
		answer(map, plan, Map.of("csdmard-step", false, "prescriber", true));
		String argument = "Methotrexate is contraindicated: it caused hypersensitivity pneumonitis after five weeks.";

		Bundle packet = letterSignedAndPacket(caseTask, plan, "step-therapy-exception", argument,
				List.of("adalimumab", "Methotrexate", "Stopped: allergy", "Riojas", plan.memberId()));
		DocumentReference letter = (DocumentReference) packet.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(resource -> resource.getMeta().hasProfile("http://recourse.dev/fhir/StructureDefinition/recourse-letter")).findFirst().orElseThrow();
		assertThat(pdfText(letter)).as("the fixture's unrelated medications (2002 acetaminophen…) are not prior therapies of this request")
				.doesNotContain("Acetaminophen");

		Claim exception = (Claim) packet.getEntryFirstRep().getResource();
		assertThat(exception.getMeta().hasProfile(PacketKind.EXCEPTION)).isTrue();
		assertThat(exception.getExtensionByUrl("http://recourse.dev/fhir/StructureDefinition/exception-type").getValue())
				.isInstanceOfSatisfying(CodeableConcept.class, type -> assertThat(type.getCodingFirstRep().getCode()).isEqualTo("step-therapy"));
	}

	@Test
	void pcsk9_statinIntolerance_everyCriterionFromTheChart() throws Exception {
		SeedPlan plan = new SeedPlan(key("pcsk9"), "/fixtures/ehr/Bundle-uscore-patient-85.json", "medica", "Medica", "erisa-insured",
				new CodeableConcept(new Coding(SeedPlan.HCPCS, "J3590", "Unclassified biologics")).setText("evolocumab 140 mg/mL")
						.addCoding(new Coding(SeedPlan.RXNORM, "1665684", "evolocumab")),
				new Coding(SeedPlan.ICD10, "E78.00", "Pure hypercholesterolemia, unspecified"), "50",
				"Documentation of an adequate trial of a high-intensity statin with ezetimibe was not provided.", false);
		FakeEhr ehr = EHRS.searchOnly();
		ehr.add(condition(PATIENT_85, "E78.00", "Pure hypercholesterolemia, unspecified", "2019-03-11"),
				condition(PATIENT_85, "E11.9", "Type 2 diabetes mellitus without complications", "2016-08-02"),
				medication(PATIENT_85, "atorvastatin 80 MG Oral Tablet", "2025-01-06", "2025-03-20", "Myalgia: statin intolerance"),
				medication(PATIENT_85, "rosuvastatin 20 MG Oral Tablet", "2025-04-14", "2025-06-30", "Muscle pain, adverse reaction"),
				ldl(PATIENT_85, 162, TODAY.minusWeeks(3).toString()));
		Task caseTask = openCase(plan, "Osei", "Kwame", "Cardiologist");

		Parameters pulled = pull(caseTask, null);
		assertThat(therapyOutcomes(pulled)).containsEntry("atorvastatin", "stopped-adverse-event").containsEntry("rosuvastatin", "stopped-adverse-event");
		QuestionnaireResponse map = map(caseTask);

		assertThat(map.getQuestionnaire()).startsWith("http://recourse.dev/fhir/Questionnaire/medica-evolocumab-hyperlipidemia");
		assertThat(statuses(map)).containsOnly(Map.entry("risk", "met"), Map.entry("age", "met"), Map.entry("statin-ezetimibe", "met"),
				Map.entry("ldl", "met"));

		Bundle packet = letterSignedAndPacket(caseTask, plan, null, null, List.of("evolocumab", "atorvastatin", "rosuvastatin", "162", plan.memberId()));

		Claim appeal = (Claim) packet.getEntryFirstRep().getResource();
		assertThat(appeal.getMeta().hasProfile(PacketKind.APPEAL)).isTrue();
		assertThat(appeal.getItemFirstRep().getProductOrService().getCoding()).as("only the coding PAS binds the service to")
				.extracting(Coding::getCode).containsExactly("J3590");
		assertThat(appeal.getDiagnosis()).extracting(diagnosis -> diagnosis.getDiagnosisCodeableConcept().getCodingFirstRep().getCode())
				.contains("E11.9");
		List<DocumentReference> evidence = packet.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(DocumentReference.class::isInstance).map(DocumentReference.class::cast)
				.filter(document -> document.getMeta().hasProfile("http://recourse.dev/fhir/StructureDefinition/recourse-evidence")).toList();
		assertThat(evidence).isNotEmpty().allMatch(document -> document.getContext().hasRelated());
	}


	// --- the path: case, pull, map, answers, letter, signature, packet

	private Task openCase(SeedPlan plan, String family, String given, String specialty) {
		client.transaction().withBundle(plan.transaction(fhirContext, family, given, specialty)).execute();
		return client.operation().onInstance("ClaimResponse/" + plan.denialId()).named("$open-case").withNoParameters(Parameters.class)
				.returnResourceType(Task.class).execute();
	}

	private Parameters pull(Task caseTask, String endpoint) {
		Parameters in = new Parameters();
		if (endpoint != null) {
			in.addParameter().setName("endpoint").setValue(new Reference(endpoint));
		}
		return client.operation().onInstance("Task/" + caseTask.getIdElement().getIdPart()).named("$pull-history").withParameters(in).execute();
	}

	/** No policy named: the server finds it by the denial's payer, the drug and the pulled diagnoses. */
	private QuestionnaireResponse map(Task caseTask) {
		return client.operation().onInstance("Task/" + caseTask.getIdElement().getIdPart()).named("$map-criteria")
				.withNoParameters(Parameters.class).returnResourceType(QuestionnaireResponse.class).execute();
	}

	/** The specialist's answers to the criteria the chart left open or failed, as the prescriber's overrides. */
	private void answer(QuestionnaireResponse map, SeedPlan plan, Map<String, Boolean> answers) {
		for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : map.getItem()) {
			Boolean value = answers.get(item.getLinkId());
			if (value == null) {
				continue;
			}
			item.getExtension().removeIf(extension -> extension.getUrl().equals(CRITERION_STATUS));
			item.getAnswer().clear();
			QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent answer = item.addAnswer().setValue(new BooleanType(value));
			Extension origin = answer.addExtension().setUrl(INFORMATION_ORIGIN);
			origin.addExtension("source", new CodeType("override"));
			origin.addExtension().setUrl("author").addExtension("practitioner", new Reference("Practitioner/" + plan.prescriberId()));
			String status = value ? "met" : "not-met";
			answer.addExtension(CRITERION_STATUS, new CodeableConcept(new Coding(STATUSES, status, null)));
		}
		client.update().resource(map).execute();
	}

	/** The DrugDex listing a specialist attaches as RecourseEvidence and links to the case. */
	private String attachCompendiumListing(Task caseTask, SeedPlan plan) {
		DocumentReference listing = new DocumentReference();
		listing.getMeta().addProfile("http://recourse.dev/fhir/StructureDefinition/recourse-evidence");
		listing.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
		listing.setSubject(new Reference("Patient/" + plan.patientId()));
		listing.addCategory(new CodeableConcept(new Coding(ARTIFACTS, "evidence", "Evidence")));
		listing.addCategory(new CodeableConcept(new Coding("http://recourse.dev/fhir/CodeSystem/evidence-type", "compendium-listing", "Compendium listing")));
		listing.getType().addCoding().setSystem("http://loinc.org").setCode("55107-7").setDisplay("Addendum Document");
		listing.setDate(new java.util.Date());
		listing.addExtension("http://recourse.dev/fhir/StructureDefinition/compendium-rating",
				new Coding("http://recourse.dev/fhir/CodeSystem/compendium-rating", "drugdex-class-iia", null));
		byte[] text = "DrugDex: ocrelizumab, pediatric relapsing multiple sclerosis, Class IIa".getBytes(StandardCharsets.UTF_8);
		listing.addContent().getAttachment().setContentType("text/plain").setTitle("DrugDex: ocrelizumab, pediatric relapsing MS").setData(text);
		String reference = "DocumentReference/" + client.create().resource(listing).execute().getId().getIdPart();
		Task current = client.read().resource(Task.class).withId(caseTask.getIdElement().getIdPart()).execute();
		current.addOutput().setValue(new Reference(reference)).getType().addCoding(new Coding(ARTIFACTS, "evidence", "Evidence"));
		client.update().resource(current).execute();
		return reference;
	}

	/**
	 * $draft-letter (the top eligible pathway unless one is named), $assemble refused while unsigned, the prescriber's
	 * $sign, $assemble: the packet, checked to validate and to hold every reference it makes; the PDF's text checked
	 * for every criterion's wording and the facts named.
	 */
	private Bundle letterSignedAndPacket(Task caseTask, SeedPlan plan, String pathway, String argument, List<String> facts) throws Exception {
		String caseId = caseTask.getIdElement().getIdPart();
		HttpResponse<String> drafted = post("/Task/" + caseId + "/$draft-letter", draftInput(pathway, argument), adminToken);
		assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(200);
		DocumentReference draft = fhirContext.newJsonParser().parseResource(DocumentReference.class, drafted.body());
		HttpResponse<String> unsigned = post("/Task/" + caseId + "/$assemble", new Parameters(), adminToken);
		assertThat(unsigned.statusCode()).as(unsigned.body()).isEqualTo(422);
		assertThat(expressions(unsigned)).contains("DocumentReference.authenticator");

		HttpResponse<String> signed = post("/DocumentReference/" + draft.getIdElement().getIdPart() + "/$sign", new Parameters(),
				tokens.user("Practitioner/" + plan.prescriberId(), "user/*.cruds"));
		assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
		DocumentReference letter = fhirContext.newJsonParser().parseResource(DocumentReference.class, signed.body());
		HttpResponse<String> assembled = post("/Task/" + caseId + "/$assemble", new Parameters(), adminToken);
		assertThat(assembled.statusCode()).as(assembled.body()).isEqualTo(200);
		Bundle packet = fhirContext.newJsonParser().parseResource(Bundle.class, assembled.body());

		assertThat(validationErrors(packet)).isEmpty();
		assertThat(packet.getEntryFirstRep().getResource()).isInstanceOf(Claim.class);
		assertEveryLocalReferenceResolvesInside(packet);
		Claim request = (Claim) packet.getEntryFirstRep().getResource();
		assertThat(references(request)).contains("DocumentReference/" + letter.getIdElement().getIdPart());
		QuestionnaireResponse map = client.read().resource(QuestionnaireResponse.class).withUrl(output(reread(caseTask), "criteria-map")).execute();
		assertThat(references(request)).contains("QuestionnaireResponse/" + map.getIdElement().getIdPart());
		String text = pdfText(letter);
		for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : map.getItem()) {
			if (item.hasText()) {
				assertThat(compact(text)).as("the PDF states criterion " + item.getLinkId()).contains(compact(item.getText()));
			}
		}
		assertThat(normalized(text)).contains(facts.toArray(String[]::new));
		if (argument != null) {
			assertThat(compact(text)).contains(compact(argument));
		}
		return packet;
	}

	private static Parameters draftInput(String pathway, String argument) {
		Parameters in = new Parameters();
		if (pathway != null) {
			in.addParameter().setName("pathway").setValue(new CodeType(pathway));
		}
		if (argument != null) {
			Parameters.ParametersParameterComponent section = in.addParameter().setName("section");
			section.addPart().setName("name").setValue(new CodeType("argument"));
			section.addPart().setName("text").setValue(new StringType(argument));
		}
		return in;
	}

	// --- reading answers

	private static String key(String situation) {
		return situation + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Ingredient (lower case) → outcome code, per prior-therapy episode of the pull. */
	private static Map<String, String> therapyOutcomes(Parameters pulled) {
		return pulled.getParameters("priorTherapy").stream().collect(Collectors.toMap(
				therapy -> ((Coding) part(therapy, "medication")).getDisplay().toLowerCase(),
				therapy -> ((Coding) part(therapy, "outcome")).getCode(), (first, second) -> first));
	}

	private static org.hl7.fhir.r4.model.Type part(Parameters.ParametersParameterComponent parameter, String name) {
		return parameter.getPart().stream().filter(part -> part.getName().equals(name)).findFirst().orElseThrow().getValue();
	}

	/** linkId → criterion status, for the criteria of the map. */
	private static Map<String, String> statuses(QuestionnaireResponse map) {
		return map.getItem().stream().filter(item -> item.getExtensionByUrl("http://recourse.dev/fhir/StructureDefinition/criterion-id") != null)
				.collect(Collectors.toMap(QuestionnaireResponse.QuestionnaireResponseItemComponent::getLinkId,
						item -> dev.recourse.criteria.CriteriaMapItems.status(item)));
	}

	/** A status part of the map's off-label review. */
	private static String offLabel(QuestionnaireResponse map, String part) {
		Extension review = map.getExtensionByUrl("http://recourse.dev/fhir/StructureDefinition/off-label-review");
		assertThat(review).as("off-label-review on the map").isNotNull();
		Extension status = review.getExtensionByUrl(part);
		return status == null ? "absent" : ((CodeableConcept) status.getValue()).getCodingFirstRep().getCode();
	}

	private static List<String> references(Claim request) {
		return request.getSupportingInfo().stream().map(info -> ((Reference) info.getValue()).getReference()).toList();
	}

	private HttpResponse<String> post(String path, Parameters in, String token) throws Exception {
		return send(fhirRequest(path, token).header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(in))));
	}

	private static String pdfText(DocumentReference letter) throws Exception {
		byte[] pdf = letter.getContent().stream().filter(content -> "application/pdf".equals(content.getAttachment().getContentType()))
				.findFirst().orElseThrow().getAttachment().getData();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	/** Without whitespace: a table cell wraps its text anywhere, e.g. after the hyphen of "relapsing-remitting". */
	private static String compact(String text) {
		return text.replaceAll("\\s+", "");
	}

	private static String normalized(String text) {
		return text.replaceAll("\\s+", " ");
	}
}
