package dev.recourse.assistance;

import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.casework.Cases;
import dev.recourse.casework.RequestedProducts;
import dev.recourse.denial.triage.Triage;
import dev.recourse.denial.triage.TriageService;
import dev.recourse.pathway.PathwayCode;
import dev.recourse.pathway.PathwayOption;
import dev.recourse.server.LocalRepositories;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Service;

/**
 * {@code $offer-assistance}: the open case → its denial triaged (regime, the patient-assistance-program pathway) → the
 * drug's codes (added items, the denied request) → its programmes → the offer rule by regime.
 */
@Service
class AssistanceOfferer {
	private final LocalRepositories repositories;
	private final TriageService triage;
	private final AssistancePrograms programs;
	private final AssistanceOffer offer;

	AssistanceOfferer(LocalRepositories repositories, TriageService triage) {
		this.repositories = repositories;
		this.triage = triage;
		this.programs = AssistancePrograms.load(ChecklistItems.load());
		this.offer = new AssistanceOffer(AssistanceRules.load());
	}

	AssistanceAnswer answer(IdType caseId, RequestDetails request) {
		IRepository store = repositories.forRequest(request);
		Task caseTask = Cases.readOpen(store, caseId);
		ClaimResponse denial = store.read(ClaimResponse.class, new IdType(caseTask.getFocus().getReference()).toUnqualifiedVersionless());
		Triage triaged = triage.triageStored(denial, request);
		Optional<PathwayOption> pathway = triaged.pathways().stream()
				.filter(option -> option.code() == PathwayCode.PATIENT_ASSISTANCE_PROGRAM && option.eligible()).findFirst();
		List<AssistanceProgram> forDrug = programs.forProducts(RequestedProducts.of(denial, store));
		AssistanceOffer.Result result = offer.offer(pathway.isPresent() ? forDrug : List.of(), triaged.planRegime().code());
		Optional<Coding> drug = forDrug.stream().findFirst()
				.map(program -> new Coding(AssistanceProgram.RXNORM, program.rxcui(), program.drug()));
		return new AssistanceAnswer(pathway.isPresent(), rationale(pathway, forDrug), drug, result.caveats(), result.offers());
	}

	private static String rationale(Optional<PathwayOption> pathway, List<AssistanceProgram> forDrug) {
		if (pathway.isEmpty()) {
			return "The triage does not open the patient-assistance-program pathway for this denial (it does for cost-sharing, "
					+ "non-formulary, benefit-exclusion and off-label denials); no programme is offered.";
		}
		if (forDrug.isEmpty()) {
			return pathway.get().rationale() + " No programme for the requested drug is on file in rules/assistance-programs.yaml.";
		}
		return pathway.get().rationale();
	}
}
