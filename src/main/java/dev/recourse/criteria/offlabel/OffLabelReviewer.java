package dev.recourse.criteria.offlabel;

import ca.uhn.fhir.model.api.IQueryParameterType;
import dev.recourse.criteria.CriterionStatus;
import dev.recourse.criteria.PatientChart;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.param.NumberParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.Multimap;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Task;
import dev.recourse.server.Searches;
import org.springframework.stereotype.Component;

/**
 * Gathers what an off-label review compares — the policy's drug, the diagnosis it is requested for, the
 * patient's age, the compendium listings on file, the plan's regime — and runs the review. A drug the label
 * file does not know gets no review.
 * <p>
 * The diagnosis the drug is requested for is, in this order: the denied request's diagnoses (when the request is
 * on file), the patient's diagnoses the policy names, the patient's diagnoses the label names. A patient's other
 * diagnoses say nothing about this request, so they are not held against it.
 */
@Component
public class OffLabelReviewer {
	static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
	static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
	private static final String APPLICABILITY = "http://recourse.dev/fhir/StructureDefinition/policy-applicability";
	private static final String PLAN_REGIME = "http://recourse.dev/fhir/StructureDefinition/plan-regime";
	private static final String COMPENDIUM_RATING = "http://recourse.dev/fhir/StructureDefinition/compendium-rating";
	private static final String EVIDENCE_TYPES = "http://recourse.dev/fhir/CodeSystem/evidence-type";
	private static final Set<String> NOT_CURRENT = Set.of("inactive", "resolved", "remission");
	private static final Set<String> NOT_TRUE = Set.of("refuted", "entered-in-error");
	private final LabelTable labels = LabelTable.load();
	private final CompendiaRules compendia = CompendiaRules.load();
	private final Clock clock;

	public OffLabelReviewer() {
		this(Clock.systemUTC());
	}

	OffLabelReviewer(Clock clock) {
		this.clock = clock;
	}

	public Optional<OffLabelReview> review(Questionnaire policy, Task caseTask, ClaimResponse denial, Patient patient, PatientChart chart) {
		IRepository store = chart.store();
		Optional<Coding> drug = labelledDrug(policy);
		if (drug.isEmpty()) {
			return Optional.empty();
		}
		List<LabelledIndication> label = labels.forDrug(drug.get().getCode());
		String drugName = label.get(0).drug();
		String patientRef = "Patient/" + patient.getIdElement().getIdPart();
		List<Diagnosis> diagnoses = requestedFor(policy, denial, label, chart);
		Optional<LocalDate> birthDate = Optional.ofNullable(patient.getBirthDateElement().getValueAsString())
				.filter(value -> value.length() == 10).map(LocalDate::parse);
		LabelComparison.Result comparison = LabelComparison.compare(drugName, label, diagnoses, birthDate, patientRef,
				LocalDate.now(clock.withZone(ZoneOffset.UTC)));
		Optional<CompendiaJudgement.Result> judgement = comparison.status() == CriterionStatus.MET ? Optional.empty()
				: Optional.of(CompendiaJudgement.judge(drugName, listings(patientRef, store), compendia, regime(caseTask)));
		return Optional.of(new OffLabelReview(drug.get(), label.get(0).label(), label.stream().map(LabelledIndication::indication).toList(),
				comparison, judgement));
	}

	private Optional<Coding> labelledDrug(Questionnaire policy) {
		return applicability(policy, "productOrService").stream()
				.filter(coding -> RXNORM.equals(coding.getSystem()) && !labels.forDrug(coding.getCode()).isEmpty())
				.findFirst();
	}

	private List<Diagnosis> requestedFor(Questionnaire policy, ClaimResponse denial, List<LabelledIndication> label, PatientChart chart) {
		List<Diagnosis> onRequest = requestDiagnoses(denial, chart.store());
		if (!onRequest.isEmpty()) {
			return onRequest;
		}
		List<Diagnosis> charted = chartedDiagnoses(chart);
		List<String> policyCodes = applicability(policy, "diagnosis").stream().map(Coding::getCode).toList();
		List<Diagnosis> policyNamed = charted.stream().filter(diagnosis -> policyCodes.stream().anyMatch(diagnosis.code()::startsWith)).toList();
		return !policyNamed.isEmpty() ? policyNamed
				: charted.stream().filter(diagnosis -> label.stream().anyMatch(indication -> indication.covers(diagnosis.code()))).toList();
	}

	private static List<Diagnosis> requestDiagnoses(ClaimResponse denial, IRepository store) {
		try {
			if (!denial.getRequest().hasReference()) {
				return List.of();
			}
			Claim request = store.read(Claim.class, new IdType(denial.getRequest().getReference()));
			List<Diagnosis> diagnoses = new ArrayList<>();
			for (Claim.DiagnosisComponent diagnosis : request.getDiagnosis()) {
				if (diagnosis.hasDiagnosisCodeableConcept()) {
					icd10(diagnosis.getDiagnosisCodeableConcept()).ifPresent(coding ->
							diagnoses.add(new Diagnosis(coding.getCode(), coding.getDisplay() == null ? "" : coding.getDisplay(), Optional.empty())));
				} else if (diagnosis.hasDiagnosisReference()) {
					Condition condition = store.read(Condition.class, new IdType(diagnosis.getDiagnosisReference().getReference()));
					diagnosis(condition).ifPresent(diagnoses::add);
				}
			}
			return diagnoses;
		} catch (BaseServerResponseException notOnFile) {
			// the original request (or a diagnosis it points to) is not on this server: the chart decides
			return List.of();
		}
	}

	/** The patient's current diagnoses, from the Conditions the policy's evaluation searched already. */
	private static List<Diagnosis> chartedDiagnoses(PatientChart chart) {
		List<Diagnosis> diagnoses = new ArrayList<>();
		for (Condition condition : chart.all(Condition.class)) {
			if (current(condition)) {
				diagnosis(condition).ifPresent(diagnoses::add);
			}
		}
		return diagnoses;
	}

	private static boolean current(Condition condition) {
		Predicate<CodeableConcept> says = concept -> concept.getCoding().stream().anyMatch(coding -> NOT_CURRENT.contains(coding.getCode()) || NOT_TRUE.contains(coding.getCode()));
		return !says.test(condition.getClinicalStatus()) && !says.test(condition.getVerificationStatus());
	}

	private static Optional<Diagnosis> diagnosis(Condition condition) {
		return icd10(condition.getCode()).map(coding -> new Diagnosis(coding.getCode(),
				coding.hasDisplay() ? coding.getDisplay() : condition.getCode().getText() == null ? "" : condition.getCode().getText(),
				Optional.of("Condition/" + condition.getIdElement().getIdPart())));
	}

	private static Optional<Coding> icd10(CodeableConcept concept) {
		return concept.getCoding().stream().filter(coding -> ICD10CM.equals(coding.getSystem()) && coding.hasCode()).findFirst();
	}

	private static List<CompendiumListing> listings(String patient, IRepository store) {
		List<CompendiumListing> listings = new ArrayList<>();
		for (DocumentReference document : all(store, DocumentReference.class, patient, Optional.of(new TokenParam(EVIDENCE_TYPES, "compendium-listing")))) {
			if (document.getStatus() == Enumerations.DocumentReferenceStatus.CURRENT) {
				Extension rating = document.getExtensionByUrl(COMPENDIUM_RATING);
				listings.add(new CompendiumListing("DocumentReference/" + document.getIdElement().getIdPart(),
						rating != null && rating.getValue() instanceof Coding coding ? Optional.ofNullable(coding.getCode()) : Optional.empty()));
			}
		}
		return listings;
	}

	private static Optional<String> regime(Task caseTask) {
		Extension regime = caseTask.getExtensionByUrl(PLAN_REGIME);
		return regime != null && regime.getValue() instanceof CodeableConcept concept
				? concept.getCoding().stream().map(Coding::getCode).filter(code -> code != null && !"unknown".equals(code)).findFirst()
				: Optional.empty();
	}

	private static List<Coding> applicability(Questionnaire policy, String part) {
		Extension applicability = policy.getExtensionByUrl(APPLICABILITY);
		List<Coding> codings = new ArrayList<>();
		if (applicability != null) {
			applicability.getExtensionsByUrl(part).stream().filter(extension -> extension.getValue() instanceof CodeableConcept)
					.forEach(extension -> codings.addAll(((CodeableConcept) extension.getValue()).getCoding()));
		}
		return codings;
	}

	/** Every page of the patient's resources of a type (optionally of one category), through the caller's repository. */
	private static <T extends IBaseResource> List<T> all(IRepository store, Class<T> type, String patient, Optional<TokenParam> category) {
		Multimap<String, List<IQueryParameterType>> params = ArrayListMultimap.create();
		params.put("patient", List.of(new ReferenceParam(patient)));
		category.ifPresent(token -> params.put("category", List.of(token)));
		params.put("_count", List.of(new NumberParam(200)));
		return Searches.everyMatch(store, type, params);
	}
}
