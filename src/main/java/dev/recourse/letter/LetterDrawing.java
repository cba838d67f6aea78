package dev.recourse.letter;

import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.denial.triage.TriageService;
import dev.recourse.letter.LetterContent.Signature;
import dev.recourse.pathway.PathwayOption;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.DocumentReference;
import org.springframework.stereotype.Component;

/**
 * Which letter a pathway gets and how it is drawn, the same for {@code $draft-letter} and {@code $sign}: a filing past
 * the plan (external review, IRE, fair hearing, regulator complaint) from the case's standing and its addressee
 * ({@link FilingLetters}); any other pathway as a letter of medical necessity from the stored denial's triage.
 */
@Component
class LetterDrawing {
	private final TriageService triage;
	private final FilingLetters filings;
	private final LetterRenderer renderer;

	LetterDrawing(TriageService triage, FilingLetters filings, LetterRenderer renderer) {
		this.triage = triage;
		this.filings = filings;
		this.renderer = renderer;
	}

	/** The pathway's option, and for a filing what it is drawn from. */
	record Plan(PathwayOption option, Optional<FilingLetters.Prepared> filing) {
		String code() {
			return option.code().code();
		}

		String title() {
			return filing.map(prepared -> FilingFacts.title(code())).orElse(LetterRenderer.TITLE);
		}
	}

	/** The letter's drawing: title, HTML and (when asked for) PDF. */
	record Drawn(String title, String html, byte[] pdf) {
	}

	Plan plan(IRepository store, LetterCase file, Optional<String> asked, RequestDetails request) {
		if (asked.filter(FilingFacts::isFiling).isPresent()) {
			return filing(store, file, asked.get());
		}
		// unasked, the letter is the one it always was (triage's top eligible pathway): a filing is drawn when asked for
		return new Plan(LetterDrafter.chosen(triage.triageStored(file.denial(), request), asked), Optional.empty());
	}

	/**
	 * The plan a drafted letter is signed under: a filing when it was drawn as one (its title says), else a letter of
	 * medical necessity for its pathway; empty when triage no longer offers that pathway.
	 */
	Optional<Plan> again(IRepository store, LetterCase file, DocumentReference letter, String code, RequestDetails request) {
		if (FilingFacts.isFiling(code) && !LetterRenderer.TITLE.equals(letter.getType().getText())) {
			return Optional.of(filing(store, file, code));
		}
		return triage.triageStored(file.denial(), request).pathways().stream().filter(option -> option.code().code().equals(code))
				.findFirst().map(option -> new Plan(option, Optional.empty()));
	}

	Drawn draw(Plan plan, LetterCase file, String display, Map<String, String> sections, Signature signature, boolean withPdf) {
		if (plan.filing().isPresent()) {
			FilingContent content = filings.content(plan.filing().get(), file, display, sections, signature);
			return new Drawn(plan.title(), renderer.html(content), withPdf ? renderer.pdf(content) : null);
		}
		LetterContent content = LetterFacts.content(file, plan.option(), display, sections, signature);
		return new Drawn(plan.title(), renderer.html(content), withPdf ? renderer.pdf(content) : null);
	}

	private Plan filing(IRepository store, LetterCase file, String code) {
		FilingLetters.Prepared prepared = filings.prepare(store, file, code);
		return new Plan(prepared.option(), Optional.of(prepared));
	}
}
