package dev.recourse.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

class EvidenceDocumentsTest {
	private final EvidenceDocuments documents = new EvidenceDocuments(new AttachmentRules(EvidenceProperties.defaults()));
	private final Task caseTask = (Task) new Task().setFor(new Reference("Patient/p1")).setId("Task/case-d1");
	private final Reference patient = new Reference("Patient/p1");

	@Test
	void labObservation_isLabResult_describedFromItsOwnData_relatedToTheSource() {
		Observation a1c = new Observation();
		a1c.setId("Observation/o1/_history/3");
		a1c.getMeta().setLastUpdated(new Date(1_700_000_000_000L));
		a1c.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", null)));
		a1c.getCode().addCoding(new Coding("http://loinc.org", "4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood"));
		a1c.setValue(new Quantity().setValue(new BigDecimal("8.1")).setUnit("%"));
		a1c.setEffective(new DateTimeType("2026-08-01"));

		DocumentReference evidence = documents.forSource(a1c, caseTask, patient);

		assertThat(evidence.getMeta().getProfile().get(0).getValue()).isEqualTo(EvidenceDocuments.PROFILE);
		assertThat(evidence.getCategory()).extracting(c -> c.getCodingFirstRep().getCode()).containsExactly("evidence", "lab-result");
		assertThat(evidence.getType().getCodingFirstRep().getCode()).isEqualTo("11502-2");
		assertThat(evidence.getSubject().getReference()).isEqualTo("Patient/p1");
		assertThat(evidence.getDescription()).isEqualTo("Hemoglobin A1c/Hemoglobin.total in Blood: 8.1 %, 2026-08-01");
		assertThat(evidence.getContext().getRelatedFirstRep().getReference()).isEqualTo("Observation/o1");
		assertThat(evidence.getDate()).isEqualTo(new Date(1_700_000_000_000L));
		String text = new String(evidence.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8);
		assertThat(text).contains("Value: 8.1 %", "Effective: 2026-08-01", "Source: Observation/o1");
		assertThat(evidence.getContentFirstRep().getAttachment().getContentType()).isEqualTo("text/plain; charset=utf-8");
		assertThat(evidence.getIdElement().getIdPart()).isEqualTo(EvidenceDocuments.evidenceId("Task/case-d1", "Observation/o1")).startsWith("evidence-");
	}

	@Test
	void vitalSign_isChartNote_condition_isChartNote_medication_isHistory_allergy_isAllergyRecord() {
		Observation bp = new Observation();
		bp.setId("Observation/v1");
		bp.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs", null)));
		Condition ms = new Condition();
		ms.setId("Condition/c1");
		ms.getCode().setText("Relapsing multiple sclerosis");
		ms.setOnset(new DateTimeType("2019-03-04"));
		MedicationStatement mtx = new MedicationStatement();
		mtx.setId("MedicationStatement/m1");
		mtx.setStatus(MedicationStatement.MedicationStatementStatus.STOPPED);
		mtx.getMedicationCodeableConcept().addCoding().setDisplay("methotrexate");
		mtx.setEffective(new Period().setStartElement(new DateTimeType("2024-01-10")).setEndElement(new DateTimeType("2024-06-30")));
		AllergyIntolerance allergy = new AllergyIntolerance();
		allergy.setId("AllergyIntolerance/a1");
		allergy.getCode().setText("Penicillin");

		assertThat(type(documents.forSource(bp, caseTask, patient))).isEqualTo("chart-note");
		DocumentReference condition = documents.forSource(ms, caseTask, patient);
		assertThat(type(condition)).isEqualTo("chart-note");
		assertThat(condition.getDescription()).isEqualTo("Relapsing multiple sclerosis, 2019-03-04");
		DocumentReference medication = documents.forSource(mtx, caseTask, patient);
		assertThat(type(medication)).isEqualTo("medication-history");
		assertThat(medication.getDescription()).isEqualTo("methotrexate: stopped, 2024-01-10 to 2024-06-30");
		assertThat(type(documents.forSource(allergy, caseTask, patient))).isEqualTo("allergy-record");
	}

	@Test
	void recourseEvidence_isReusedAsIs() {
		DocumentReference mri = new DocumentReference();
		mri.setId("DocumentReference/mri");
		mri.getMeta().addProfile(EvidenceDocuments.PROFILE);

		assertThat(documents.forSource(mri, caseTask, patient)).isSameAs(mri);
	}

	@Test
	void clinicalNote_carriesItsOwnAttachmentAndType_orItsFactsWhenTheAttachmentIsNotAcceptable() {
		DocumentReference note = new DocumentReference();
		note.setId("DocumentReference/n1");
		note.getType().addCoding(new Coding("http://loinc.org", "11488-4", "Consult note"));
		note.addContent().getAttachment().setContentType("text/plain").setData("Seen for MS.".getBytes(StandardCharsets.UTF_8))
				.setUrl("https://ehr.example/Binary/1");

		DocumentReference evidence = documents.forSource(note, caseTask, patient);

		assertThat(type(evidence)).isEqualTo("chart-note");
		assertThat(evidence.getType().getCodingFirstRep().getCode()).isEqualTo("11488-4");
		assertThat(new String(evidence.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8)).isEqualTo("Seen for MS.");
		assertThat(evidence.getContentFirstRep().getAttachment().hasUrl()).isFalse();

		note.getContentFirstRep().getAttachment().setContentType("application/xml");
		DocumentReference fallback = documents.forSource(note, caseTask, patient);
		assertThat(fallback.getContentFirstRep().getAttachment().getContentType()).isEqualTo("text/plain; charset=utf-8");
		assertThat(new String(fallback.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8)).contains("Document: Consult note");
	}

	@Test
	void evidenceReferences_areDistinct_unversioned_inCitationOrder_withWhereFirstCited() {
		QuestionnaireResponse map = new QuestionnaireResponse();
		QuestionnaireResponse.QuestionnaireResponseItemComponent age = map.addItem().setLinkId("age");
		age.addAnswer().addExtension(EvidenceDocuments.EVIDENCE_EXTENSION, new Reference("Patient/p1"));
		QuestionnaireResponse.QuestionnaireResponseItemComponent ra = map.addItem().setLinkId("ra");
		ra.addExtension(EvidenceDocuments.EVIDENCE_EXTENSION, new Reference("Condition/c1/_history/2"));
		QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent answer = ra.addAnswer();
		answer.addExtension(EvidenceDocuments.EVIDENCE_EXTENSION, new Reference("Condition/c1"));
		answer.addExtension(EvidenceDocuments.EVIDENCE_EXTENSION, new Reference("Patient/p1"));

		assertThat(EvidenceDocuments.evidenceReferences(map)).containsExactly(
				java.util.Map.entry("Patient/p1", "QuestionnaireResponse.item[0].answer[0].extension[0]"),
				java.util.Map.entry("Condition/c1", "QuestionnaireResponse.item[1].extension[0]"));
	}

	@Test
	void ids_dependOnCaseAndSourceOnly() {
		assertThat(EvidenceDocuments.evidenceId("Task/a", "Condition/c1")).isEqualTo(EvidenceDocuments.evidenceId("Task/a", "Condition/c1"))
				.isNotEqualTo(EvidenceDocuments.evidenceId("Task/b", "Condition/c1")).hasSizeLessThanOrEqualTo(64);
	}

	private static String type(DocumentReference evidence) {
		return evidence.getCategory().get(1).getCodingFirstRep().getCode();
	}
}
