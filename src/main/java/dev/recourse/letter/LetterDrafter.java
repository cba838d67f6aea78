package dev.recourse.letter;

import dev.recourse.casework.CaseOutputs;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import dev.recourse.casework.Cases;
import dev.recourse.common.Digests;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.denial.triage.Triage;
import dev.recourse.pathway.PathwayCode;
import dev.recourse.pathway.PathwayOption;
import dev.recourse.server.LocalRepositories;
import java.time.Clock;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Service;

/**
 * {@code Task/[id]/$draft-letter}: read the case and what it cites → the pathway (asked, else triage's top eligible;
 * a filing past the plan from the case's standing, see {@link LetterDrawing})
 * → the specialist's sections (given, else kept from the earlier draft) → gather the content → render HTML and PDF
 * → store the draft (one per case and pathway, so re-drafting replaces it) and link it from the case, in one
 * transaction → return it. A signed letter is never replaced.
 */
@Service
public class LetterDrafter {
	private final LocalRepositories repositories;
	private final LetterDrawing drawing;
	private final PathwayNames pathwayNames;
	private final Clock clock = Clock.systemUTC();

	LetterDrafter(LocalRepositories repositories, LetterDrawing drawing, PathwayNames pathwayNames) {
		this.repositories = repositories;
		this.drawing = drawing;
		this.pathwayNames = pathwayNames;
	}

	DocumentReference draft(IdType caseId, Optional<String> pathway, List<LetterSections.Edit> edits, RequestDetails request) {
		IRepository store = repositories.forRequest(request);
		Task caseTask = Cases.readOpen(store, caseId);
		LetterCase file = LetterCaseReader.read(store, caseTask);
		LetterDrawing.Plan plan = drawing.plan(store, file, pathway, request);
		String code = plan.code();
		String id = letterId(file.caseId(), code);
		Optional<DocumentReference> existing = read(store, id);
		if (existing.isPresent() && existing.get().hasAuthenticator()) {
			throw new RecourseException(RecourseError.CONFLICT, "DocumentReference.authenticator", "DocumentReference/" + id
					+ " is signed: a signed letter is final and frozen. It cannot be drafted again.");
		}
		// the specialist's text follows the case: from this pathway's draft, else from the case's current letter
		Optional<DocumentReference> earlier = existing.or(() -> CaseOutputs.first(caseTask, "letter").flatMap(ref -> read(store, new IdType(ref).getIdPart())));
		Map<String, String> sections = LetterSections.merge(LetterSections.of(earlier), edits);
		String display = pathwayNames.display(code);
		LetterDrawing.Drawn drawn = drawing.draw(plan, file, display, sections, SignatureFacts.unsigned(file.prescriber()), true);
		DocumentReference letter = LetterDocument.draft(id, file, new LetterDocument.Kind(code, display, drawn.title()), sections, author(file),
				drawn, Date.from(clock.instant()));
		store.transaction(transaction(letter, caseTask));
		return store.read(DocumentReference.class, new IdType("DocumentReference", id));
	}

	/** The letter the case has for a pathway: derived from both, like the criteria map's id, so re-drafting replaces it. */
	public static String letterId(String caseId, String pathway) {
		return "letter-" + Digests.sha256Hex(caseId + "|" + pathway).substring(0, 40);
	}

	/**
	 * Pathways that are not a written request to the plan: a peer-to-peer review is a call, assistance programmes
	 * and alternative therapies are not addressed to the plan, a corrected request is a new request, not a letter.
	 */
	static final Set<String> NOT_A_LETTER = Set.of("peer-to-peer", "patient-assistance-program", "alternative-therapy", "correct-and-resubmit");

	/** The asked pathway when triage finds it eligible for this case; else the top eligible one a letter is written for. */
	static PathwayOption chosen(Triage triage, Optional<String> asked) {
		if (asked.isPresent()) {
			PathwayCode code;
			try {
				code = PathwayCode.fromCode(asked.get());
			} catch (IllegalArgumentException unknown) {
				throw new RecourseException(RecourseError.UNPROCESSABLE, "pathway",
						"Parameter 'pathway': '" + asked.get() + "' is not a code of " + PathwayCode.SYSTEM);
			}
			Optional<PathwayOption> option = triage.pathways().stream().filter(candidate -> candidate.code() == code).findFirst();
			if (option.isEmpty() || !option.get().eligible()) {
				throw new RecourseException(RecourseError.UNPROCESSABLE, "pathway", "Parameter 'pathway': " + code.code()
						+ " is not eligible for this case" + option.map(o -> " (" + o.rationale() + ")").orElse("")
						+ "; eligible: " + eligible(triage));
			}
			if (NOT_A_LETTER.contains(code.code())) {
				throw new RecourseException(RecourseError.UNPROCESSABLE, "pathway", "Parameter 'pathway': " + code.code()
						+ " is not a written request to the plan; no letter is drafted for it");
			}
			return option.get();
		}
		return triage.pathways().stream().filter(PathwayOption::eligible).filter(option -> !NOT_A_LETTER.contains(option.code().code()))
				.min(Comparator.comparingInt(PathwayOption::rank))
				.orElseThrow(() -> new RecourseException(RecourseError.UNPROCESSABLE, "pathway",
						"No pathway a letter is written for is eligible for this case (eligible: " + eligible(triage) + ")"));
	}

	private static String eligible(Triage triage) {
		List<String> codes = triage.pathways().stream().filter(PathwayOption::eligible).map(option -> option.code().code()).toList();
		return codes.isEmpty() ? "none" : String.join(", ", codes);
	}

	/** Who prepared the letter: the case's requesting provider (Recourse's own organization is not on file). */
	static Reference author(LetterCase file) {
		return Stream.concat(file.originalRequest().map(Claim::getProvider).stream(), Stream.of(file.denial().getRequestor()))
				.filter(Reference::hasReference).findFirst().map(reference -> new Reference(reference.getReference()))
				.or(() -> file.prescriber().map(practitioner -> new Reference("Practitioner/" + practitioner.getIdElement().getIdPart())))
				.orElseGet(() -> new Reference().setDisplay("Prepared with Recourse for the prescriber"));
	}

	static Optional<DocumentReference> read(IRepository store, String id) {
		try {
			return Optional.of(store.read(DocumentReference.class, new IdType("DocumentReference", id)));
		} catch (ResourceNotFoundException | ResourceGoneException none) {
			return Optional.empty();
		}
	}

	private static Bundle transaction(DocumentReference letter, Task caseTask) {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		String letterUrl = "DocumentReference/" + letter.getIdElement().getIdPart();
		bundle.addEntry().setResource(letter).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(letterUrl);
		// one letter per case (RecourseCase: one letter output): the latest takes the place of the earlier
		CaseOutputs.linkOnly(bundle, caseTask, "letter", "Letter", letterUrl);
		return bundle;
	}
}
