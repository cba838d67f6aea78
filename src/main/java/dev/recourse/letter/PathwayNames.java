package dev.recourse.letter;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeSystem;
import org.springframework.stereotype.Component;

/** Pathway codes as the letter names them: the displays of our pathway CodeSystem as packaged (profiles/). */
@Component
class PathwayNames {
	private final Map<String, String> displays = new HashMap<>();

	PathwayNames(FhirContext fhirContext) {
		try (InputStream in = PathwayNames.class.getClassLoader().getResourceAsStream("profiles/CodeSystem-pathway.json")) {
			if (in == null) {
				throw new IllegalStateException("profiles/CodeSystem-pathway.json is not on the class path");
			}
			CodeSystem pathways = fhirContext.newJsonParser().parseResource(CodeSystem.class, in);
			pathways.getConcept().forEach(concept -> displays.put(concept.getCode(), concept.getDisplay()));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	String display(String code) {
		return displays.getOrDefault(code, code);
	}
}
