package dev.recourse.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.common.RecourseException;
import dev.recourse.denial.PlanRegime;
import dev.recourse.denial.RegimeFinding;
import dev.recourse.denial.triage.Triage;
import dev.recourse.letter.LetterContent.CriterionRow;
import dev.recourse.letter.LetterContent.OffLabel;
import dev.recourse.letter.LetterContent.Parties;
import dev.recourse.letter.LetterContent.PriorTherapy;
import dev.recourse.letter.LetterContent.Statement;
import dev.recourse.letter.LetterContent.Status;
import dev.recourse.pathway.PathwayCode;
import dev.recourse.pathway.PathwayOption;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** The gatherers without a server: FHIR resources in, letter facts out — and nothing that is not in a resource. */
class LetterGatherersTest {
	private static final String RECOURSE = "http://recourse.dev/fhir/StructureDefinition/";

	@Test
	void parties_comeFromPatientInsurerCoverageAndDenial() {
		Patient patient = new Patient();
		patient.addName().setFamily("Okafor").addGiven("Maya");
		patient.setBirthDateElement(new DateType("2010-03-04"));
		ClaimResponse denial = denial();
		denial.setPreAuthRef("UM-558812");
		denial.addProcessNote().setText("Not FDA-approved for patients under 18.");
		Coverage coverage = new Coverage().setSubscriberId("SUB-1");
		coverage.addIdentifier().setValue("MEM-42").getType().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v2-0203").setCode("MB");

		Parties parties = PartyFacts.parties(file(patient, denial, Optional.of(new Organization().setName("Acme Health")), Optional.of(coverage),
				Optional.empty(), Map.of(), List.of()));

		assertThat(parties.patientName().value()).isEqualTo("Maya Okafor");
		assertThat(parties.birthDate().value()).isEqualTo(LocalDate.of(2010, 3, 4));
		assertThat(parties.planName().value()).isEqualTo("Acme Health");
		assertThat(parties.memberId().value()).isEqualTo("MEM-42");
		assertThat(parties.authorizationNumber().value()).isEqualTo("UM-558812");
		assertThat(parties.claimNumber()).isEmpty();
		assertThat(parties.denial().reason().value()).isEqualTo("\u201CNot FDA-approved for patients under 18.\u201D");
		assertThat(parties.denial().date().value()).isEqualTo(LocalDate.of(2026, 11, 2));
	}

	@Test
	void whatNoResourceSays_isUnknown_andAClaimDenialHasAClaimNumberRow() {
		ClaimResponse denial = denial().setUse(ClaimResponse.Use.CLAIM);
		denial.setCreatedElement(null);

		Parties parties = PartyFacts.parties(file(new Patient(), denial, Optional.empty(), Optional.of(new Coverage().setSubscriberId("SUB-1")),
				Optional.empty(), Map.of(), List.of()));

		assertThat(parties.patientName().known()).isFalse();
		assertThat(parties.birthDate().known()).isFalse();
		assertThat(parties.planName().known()).isFalse();
		assertThat(parties.memberId().value()).isEqualTo("SUB-1");
		assertThat(parties.authorizationNumber().known()).isFalse();
		assertThat(parties.claimNumber()).hasValueSatisfying(number -> assertThat(number.known()).isFalse());
		assertThat(parties.denial().reason().known()).isFalse();
		assertThat(parties.denial().date().known()).isFalse();
		assertThat(PartyFacts.service(file(new Patient(), denial, Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), List.of()))
				.known()).isFalse();
	}

	@Test
	void criteriaRows_keepThePolicysWords_describeEachEvidenceResource_andShowASpecialistsOverride() {
		Condition ra = condition();
		Map<String, Resource> cited = Map.of("Condition/ra", ra);
		QuestionnaireResponse map = new QuestionnaireResponse();
		criterion(map, "ra", "Diagnosis of moderately to severely active rheumatoid arthritis", "met").getAnswerFirstRep()
				.addExtension(RECOURSE + "evidence", new Reference("Condition/ra"));
		criterion(map, "mtx", "Trial of methotrexate for at least 3 months", null);
		QuestionnaireResponse.QuestionnaireResponseItemComponent overridden = criterion(map, "age", "Age 18 years or older", "met");
		Extension origin = overridden.getAnswerFirstRep().addExtension().setUrl("http://hl7.org/fhir/us/davinci-dtr/StructureDefinition/information-origin");
		origin.addExtension("source", new CodeType("override"));
		origin.addExtension().setUrl("author").addExtension("practitioner", new Reference().setDisplay("Dr. Chen"));

		List<CriterionRow> rows = CriteriaFacts.rows(map, cited);

		assertThat(rows).extracting(CriterionRow::requirement).containsExactly("Diagnosis of moderately to severely active rheumatoid arthritis",
				"Trial of methotrexate for at least 3 months", "Age 18 years or older");
		assertThat(rows).extracting(CriterionRow::status).containsExactly(Status.MET, Status.UNKNOWN, Status.MET);
		LetterContent.Evidence evidence = rows.get(0).evidence().value();
		assertThat(evidence.text()).isEqualTo("Diagnosis: Rheumatoid arthritis, unspecified (M06.9)");
		assertThat(evidence.date().value()).isEqualTo(LocalDate.of(2023, 11, 2));
		assertThat(evidence.source().value()).isEqualTo("Condition/ra");
		assertThat(rows.get(1).evidence().known()).isFalse();
		assertThat(rows.get(2).evidence().value().text()).isEqualTo("Specialist's override (Dr. Chen)");
	}

	@Test
	void criteriaRows_giveTheSpecialistsReasonBesideTheirOverride() {
		QuestionnaireResponse map = new QuestionnaireResponse();
		QuestionnaireResponse.QuestionnaireResponseItemComponent overridden = criterion(map, "mtx", "Trial of methotrexate for at least 3 months", "not-met");
		Extension origin = overridden.getAnswerFirstRep().addExtension().setUrl("http://hl7.org/fhir/us/davinci-dtr/StructureDefinition/information-origin");
		origin.addExtension("source", new CodeType("override"));
		origin.addExtension().setUrl("author").addExtension("practitioner", new Reference().setDisplay("Dr. Chen"));
		overridden.getAnswerFirstRep().addExtension(RECOURSE + "override-reason", new org.hl7.fhir.r4.model.StringType(" Methotrexate is contraindicated. "));

		List<CriterionRow> rows = CriteriaFacts.rows(map, Map.of());

		assertThat(rows.get(0).evidence().value().text()).isEqualTo("Specialist's override (Dr. Chen): Methotrexate is contraindicated.");
	}

	@Test
	void clinicalSummary_statesConditionsAndObservationsWithTheirSource_andLeavesTherapiesAndDocumentsToTheirSections() {
		Observation das = new Observation();
		das.setId("Observation/das");
		das.getCode().addCoding().setSystem("http://loinc.org").setCode("X").setDisplay("DAS28-CRP");
		das.setValue(new Quantity().setValue(new BigDecimal("5.4")).setUnit("{score}"));
		das.setEffective(new DateTimeType("2026-02-11"));
		Map<String, Resource> cited = new LinkedHashMap<>();
		cited.put("Condition/ra", condition());
		cited.put("Observation/das", das);
		cited.put("MedicationStatement/mtx", episode("2024-01-10", "2024-06-30"));
		cited.put("DocumentReference/note", note());

		List<Statement> summary = CriteriaFacts.clinicalSummary(cited);

		assertThat(summary).extracting(Statement::text).containsExactly(
				"Diagnosis: Rheumatoid arthritis, unspecified (M06.9), recorded 2023-11-02", "DAS28-CRP (X): 5.4 {score}, recorded 2026-02-11");
		assertThat(summary).extracting(statement -> statement.source().value()).containsExactly("Condition/ra", "Observation/das");
		assertThat(CriteriaFacts.enclosures(Optional.of((QuestionnaireResponse) new QuestionnaireResponse().setId("map-1")), cited))
				.containsExactly("Rheumatology note", "Criteria map: the coverage policy's criteria against the chart (QuestionnaireResponse/map-1)");
	}

	@Test
	void priorTherapies_fromEpisodes_oldestFirst_withDaysOnlyWhenBothEndsAreKnown() {
		MedicationStatement later = episode("2025-01-01", null);
		MedicationStatement earlier = episode("2024-01-10", "2024-06-30");

		List<PriorTherapy> therapies = TherapyFacts.therapies(List.of(later, earlier), Set.of());

		assertThat(therapies).extracting(PriorTherapy::medication).containsExactly("methotrexate", "methotrexate");
		assertThat(therapies.get(0).start().value()).isEqualTo(LocalDate.of(2024, 1, 10));
		assertThat(therapies.get(0).durationDays().value()).isEqualTo(173);
		assertThat(therapies.get(0).outcome().value()).isEqualTo("Stopped: inadequate response");
		assertThat(therapies.get(1).end().known()).isFalse();
		assertThat(therapies.get(1).durationDays().known()).isFalse();
	}

	@Test
	void priorTherapies_areTheCitedOnes_andThoseStoppedForAClinicalReason() {
		MedicationStatement failed = episode("2024-01-10", "2024-06-30");
		MedicationStatement unrelated = episode("2002-06-20", "2002-06-20");
		unrelated.setId("acetaminophen");
		unrelated.getStatusReason().clear();
		MedicationStatement cited = episode("2025-01-01", null);
		cited.setId("cited");
		cited.getStatusReason().clear();

		List<PriorTherapy> therapies = TherapyFacts.therapies(List.of(failed, unrelated, cited), Set.of("MedicationStatement/cited"));

		assertThat(therapies).extracting(therapy -> therapy.start().value())
				.containsExactly(LocalDate.of(2024, 1, 10), LocalDate.of(2025, 1, 1));
	}

	@Test
	void offLabel_onlyWhenTheUseIsNotLabelled_withLabelAndCompendiaFindingsApart() {
		QuestionnaireResponse map = new QuestionnaireResponse();
		Extension review = map.addExtension().setUrl("http://recourse.dev/fhir/StructureDefinition/off-label-review");
		review.addExtension("labelStatus", new CodeableConcept(new Coding("x", "not-met", null)));
		review.addExtension("labelledIndication", new StringType("Relapsing forms of MS, in adults"));
		review.addExtension("finding", new StringType("Labelled only for patients aged 18 years or older; the patient is 16 years old."));
		review.addExtension("compendiaStatus", new CodeableConcept(new Coding("x", "met", null)));
		review.addExtension("finding", new StringType("DrugDex rates the use Class IIa."));

		OffLabel offLabel = OffLabelFacts.offLabel(Optional.of(map)).orElseThrow();

		assertThat(offLabel.labelledIndications()).containsExactly("Relapsing forms of MS, in adults");
		assertThat(offLabel.documentedDiagnosis().value()).contains("16 years old");
		assertThat(offLabel.compendiaStatement().value()).isEqualTo("DrugDex rates the use Class IIa.");
		((CodeableConcept) review.getExtensionByUrl("labelStatus").getValue()).getCodingFirstRep().setCode("met");
		assertThat(OffLabelFacts.offLabel(Optional.of(map))).isEmpty();
	}

	@Test
	void pathway_askedMustBeEligible_elseTheTopEligible_andDeadlineCarriesTheFilingClocksCitation() {
		PathwayOption external = option(PathwayCode.EXTERNAL_REVIEW, 2, false, null, null);
		PathwayOption appeal = option(PathwayCode.EXPEDITED_INTERNAL_APPEAL, 1, true, LocalDate.of(2027, 5, 1), "29 CFR 2560.503-1(h)(3)(i) [V]");
		Triage triage = new Triage(List.of(), List.of(), new RegimeFinding(PlanRegime.UNKNOWN, List.of(), List.of(), List.of()),
				List.of(external, appeal), List.of());

		assertThat(LetterDrafter.chosen(triage, Optional.empty())).isEqualTo(appeal);
		assertThatThrownBy(() -> LetterDrafter.chosen(triage, Optional.of("external-review"))).isInstanceOf(RecourseException.class)
				.hasMessageContaining("not eligible").satisfies(e -> assertThat(((RecourseException) e).element()).isEqualTo("pathway"));
		assertThatThrownBy(() -> LetterDrafter.chosen(triage, Optional.of("no-such"))).isInstanceOf(RecourseException.class);
		assertThat(PathwayFacts.request(Fact.unknown(), appeal, "Expedited internal appeal").expedited()).isTrue();
		// a peer-to-peer review ranked first is a call, not a letter: the default skips it, asking for it is refused
		PathwayOption call = option(PathwayCode.PEER_TO_PEER, 0, true, null, null);
		Triage withCall = new Triage(List.of(), List.of(), new RegimeFinding(PlanRegime.UNKNOWN, List.of(), List.of(), List.of()),
				List.of(call, external, appeal), List.of());
		assertThat(LetterDrafter.chosen(withCall, Optional.empty())).isEqualTo(appeal);
		assertThatThrownBy(() -> LetterDrafter.chosen(withCall, Optional.of("peer-to-peer"))).hasMessageContaining("not a written request");
		assertThat(PathwayFacts.request(Fact.unknown(), appeal, "Expedited internal appeal").expeditedReason().known()).isFalse();
		assertThat(PathwayFacts.deadline(appeal).date().value()).isEqualTo(LocalDate.of(2027, 5, 1));
		assertThat(PathwayFacts.deadline(appeal).basis().value()).isEqualTo("29 CFR 2560.503-1(h)(3)(i) [V]");
		assertThat(PathwayFacts.legalBasis(appeal)).containsExactly("29 CFR 2560.503-1(h)(3)(i) [V]");
		assertThat(LetterDrafter.letterId("case-1", "internal-appeal")).startsWith("letter-").hasSize(47)
				.isEqualTo(LetterDrafter.letterId("case-1", "internal-appeal")).isNotEqualTo(LetterDrafter.letterId("case-1", "external-review"));
	}

	@Test
	void signature_fromThePractitionerResource_orUnknown() {
		Practitioner chen = new Practitioner();
		chen.addName().setFamily("Chen").addGiven("Ana");
		chen.addQualification().getCode().setText("MD");
		chen.addIdentifier().setSystem(SignatureFacts.NPI).setValue("1234567893");
		OffsetDateTime now = OffsetDateTime.parse("2026-11-09T16:30:00Z");

		LetterContent.Signature signed = SignatureFacts.of(Optional.of(chen), Optional.of(now));

		assertThat(signed.prescriberName().value()).isEqualTo("Ana Chen");
		assertThat(signed.credentials().value()).isEqualTo("MD");
		assertThat(signed.npi().value()).isEqualTo("1234567893");
		assertThat(signed.signedAt()).contains(now);
		LetterContent.Signature nobody = SignatureFacts.unsigned(Optional.empty());
		assertThat(List.of(nobody.prescriberName(), nobody.credentials(), nobody.npi())).noneMatch(Fact::known);
	}

	// --- fixtures

	private static LetterCase file(Patient patient, ClaimResponse denial, Optional<Organization> insurer, Optional<Coverage> coverage,
			Optional<QuestionnaireResponse> map, Map<String, Resource> cited, List<MedicationStatement> episodes) {
		Task caseTask = new Task();
		caseTask.setId("case-1");
		caseTask.setFor(new Reference("Patient/p1"));
		return new LetterCase(caseTask, denial, patient, insurer, coverage, Optional.empty(), map, cited, episodes, Optional.empty(), List.of());
	}

	private static ClaimResponse denial() {
		ClaimResponse denial = new ClaimResponse();
		denial.setId("denial-1");
		denial.setUse(ClaimResponse.Use.PREAUTHORIZATION);
		denial.setCreatedElement(new DateTimeType("2026-11-02T11:02:00-05:00"));
		return denial;
	}

	private static Condition condition() {
		Condition ra = new Condition();
		ra.setId("Condition/ra");
		ra.getCode().addCoding().setSystem("http://hl7.org/fhir/sid/icd-10-cm").setCode("M06.9").setDisplay("Rheumatoid arthritis, unspecified");
		ra.setRecordedDateElement(new DateTimeType("2023-11-02"));
		return ra;
	}

	private static DocumentReference note() {
		DocumentReference note = new DocumentReference();
		note.setId("DocumentReference/note");
		note.addContent().getAttachment().setTitle("Rheumatology note");
		return note;
	}

	private static MedicationStatement episode(String start, String end) {
		MedicationStatement statement = new MedicationStatement();
		statement.setId("MedicationStatement/" + start);
		statement.getMedicationCodeableConcept().addCoding().setSystem("http://www.nlm.nih.gov/research/umls/rxnorm").setCode("6851").setDisplay("methotrexate");
		Period period = new Period().setStartElement(new DateTimeType(start));
		if (end != null) {
			period.setEndElement(new DateTimeType(end));
		}
		statement.setEffective(period);
		statement.addStatusReason().addCoding().setSystem("http://recourse.dev/fhir/CodeSystem/therapy-outcome").setCode("stopped-inefficacy")
				.setDisplay("Stopped: inadequate response");
		return statement;
	}

	private static QuestionnaireResponse.QuestionnaireResponseItemComponent criterion(QuestionnaireResponse map, String id, String text, String status) {
		QuestionnaireResponse.QuestionnaireResponseItemComponent item = map.addItem().setLinkId(id).setText(text);
		item.addExtension(RECOURSE + "criterion-id", new StringType(id));
		CodeableConcept concept = new CodeableConcept(new Coding("http://recourse.dev/fhir/CodeSystem/criterion-status",
				status == null ? "unknown" : status, null));
		if (status == null) {
			item.addExtension(RECOURSE + "criterion-status", concept);
		} else {
			item.addAnswer().setValue(new BooleanType(true)).addExtension(RECOURSE + "criterion-status", concept);
		}
		return item;
	}

	private static PathwayOption option(PathwayCode code, int rank, boolean eligible, LocalDate deadline, String filingCitation) {
		return new PathwayOption(code, rank, eligible, "because", deadline, null, null,
				filingCitation == null ? List.of() : List.of(filingCitation), List.of(), filingCitation);
	}
}
