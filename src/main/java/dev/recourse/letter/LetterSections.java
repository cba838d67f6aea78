package dev.recourse.letter;

import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.StringType;

/**
 * The specialist's free text, kept on the stored letter as {@code letter-section} extensions (name, text) — not read
 * back from the rendered HTML, which is output — and carried into the next draft unless given again.
 */
final class LetterSections {
	static final String URL = "http://recourse.dev/fhir/StructureDefinition/letter-section";

	private LetterSections() {
	}

	/** One {@code section} input: text null or blank clears the section. */
	record Edit(String name, String text) {
	}

	/** The sections kept on a stored letter. */
	static Map<String, String> of(Optional<DocumentReference> letter) {
		Map<String, String> sections = new LinkedHashMap<>();
		letter.ifPresent(document -> document.getExtensionsByUrl(URL).forEach(extension -> {
			Extension name = extension.getExtensionByUrl("name");
			Extension text = extension.getExtensionByUrl("text");
			if (name != null && text != null && name.getValue() != null && text.getValue() != null
					&& LetterContent.SECTION_NAMES.contains(name.getValue().primitiveValue())) {
				sections.put(name.getValue().primitiveValue(), text.getValue().primitiveValue());
			}
		}));
		return sections;
	}

	/** The earlier sections with the edits applied: an edit replaces or (blank) clears; what is not edited stays. */
	static Map<String, String> merge(Map<String, String> earlier, List<Edit> edits) {
		Map<String, String> merged = new LinkedHashMap<>(earlier);
		for (Edit edit : edits) {
			if (edit.name() == null || !LetterContent.SECTION_NAMES.contains(edit.name())) {
				throw new RecourseException(RecourseError.INVALID_INPUT, "section.name",
						"Parameter 'section' needs a part 'name' of opening, argument or closing; got '" + edit.name() + "'");
			}
			if (edit.text() == null || edit.text().isBlank()) {
				merged.remove(edit.name());
			} else {
				merged.put(edit.name(), edit.text());
			}
		}
		return merged;
	}

	static void write(DocumentReference letter, Map<String, String> sections) {
		letter.getExtension().removeIf(extension -> URL.equals(extension.getUrl()));
		sections.forEach((name, text) -> {
			if (text != null && !text.isBlank()) {
				Extension section = letter.addExtension().setUrl(URL);
				section.addExtension("name", new CodeType(name));
				section.addExtension("text", new StringType(text));
			}
		});
	}
}
