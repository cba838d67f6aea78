package dev.recourse.letter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;

/** The stored letter: a RecourseLetter DocumentReference holding the rendered HTML and PDF inline. */
final class LetterDocument {
	static final String PROFILE = "http://recourse.dev/fhir/StructureDefinition/recourse-letter";
	static final String PATHWAY_EXTENSION = "http://recourse.dev/fhir/StructureDefinition/pathway";
	static final String PATHWAYS = "http://recourse.dev/fhir/CodeSystem/pathway";
	static final String US_CORE_CATEGORY = "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category";
	static final String HTML = "text/html";
	static final String PDF = "application/pdf";

	private LetterDocument() {
	}

	/**
	 * A draft (docStatus preliminary) for the case and pathway.
	 *
	 * @param author who prepared it: the case's requesting provider (Recourse's own organization is not on file)
	 */
	/** Which letter: its pathway (code and display) and its title (a letter of medical necessity or a filing's). */
	record Kind(String pathway, String pathwayDisplay, String title) {
	}

	static DocumentReference draft(String id, LetterCase file, Kind kind, Map<String, String> sections,
			Reference author, LetterDrawing.Drawn drawn, Date now) {
		String pathway = kind.pathway();
		String pathwayDisplay = kind.pathwayDisplay();
		DocumentReference letter = new DocumentReference();
		letter.setId(id);
		letter.getMeta().addProfile(PROFILE);
		letter.addExtension(new Extension(PATHWAY_EXTENSION, new CodeableConcept(new Coding(PATHWAYS, pathway, pathwayDisplay))));
		LetterSections.write(letter, sections);
		letter.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
		letter.setDocStatus(DocumentReference.ReferredDocumentStatus.PRELIMINARY);
		letter.getType().addCoding(new Coding("http://loinc.org", "51851-4", "Administrative note"));
		letter.getType().setText(kind.title());
		letter.addCategory(new CodeableConcept(new Coding(LetterCaseReader.ARTIFACT_TYPES, "letter", "Letter")));
		letter.addCategory(new CodeableConcept(new Coding(US_CORE_CATEGORY, "clinical-note", "Clinical Note")));
		letter.setSubject(new Reference(file.caseTask().getFor().getReference()));
		letter.setDate(now);
		letter.addAuthor(author);
		letter.setDescription(kind.title() + ": " + pathwayDisplay);
		letter.getContext().addRelated(new Reference("ClaimResponse/" + file.denial().getIdElement().getIdPart()));
		setContent(letter, drawn.html(), drawn.pdf());
		return letter;
	}

	/** The HTML first (what the specialist edits around), then the PDF (what is sent), both inline with size and SHA-1. */
	static void setContent(DocumentReference letter, String html, byte[] pdf) {
		letter.getContent().clear();
		String title = letter.getType().hasText() ? letter.getType().getText() : LetterRenderer.TITLE;
		letter.addContent().setAttachment(attachment(HTML, html.getBytes(StandardCharsets.UTF_8), title + " (HTML)"));
		letter.addContent().setAttachment(attachment(PDF, pdf, title + " (PDF)"));
	}

	private static Attachment attachment(String contentType, byte[] data, String title) {
		return new Attachment().setContentType(contentType).setLanguage("en-US").setData(data).setSize(data.length)
				.setHash(sha1(data)).setTitle(title);
	}

	static Optional<Attachment> content(DocumentReference letter, String contentType) {
		return letter.getContent().stream().map(DocumentReference.DocumentReferenceContentComponent::getAttachment)
				.filter(attachment -> contentType.equals(attachment.getContentType())).findFirst();
	}

	static Optional<String> pathway(DocumentReference letter) {
		Extension pathway = letter.getExtensionByUrl(PATHWAY_EXTENSION);
		return pathway != null && pathway.getValue() instanceof CodeableConcept concept
				? Optional.ofNullable(concept.getCodingFirstRep().getCode()) : Optional.empty();
	}

	static boolean isLetter(DocumentReference document) {
		return document.getMeta().getProfile().stream().anyMatch(profile -> PROFILE.equals(profile.getValue()))
				|| document.getCategory().stream().anyMatch(category -> category.getCoding().stream()
						.anyMatch(coding -> LetterCaseReader.ARTIFACT_TYPES.equals(coding.getSystem()) && "letter".equals(coding.getCode())));
	}

	static byte[] sha1(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-1").digest(data);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-1", e);
		}
	}
}
