package dev.recourse.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecourseErrorTest {

	@Test
	void codes_areUniqueAndKebabCase() {
		assertThat(Arrays.stream(RecourseError.values()).map(RecourseError::code))
				.doesNotHaveDuplicates()
				.allMatch(code -> code.matches("[a-z]+(-[a-z]+)*"));
	}

	@Test
	void everyCode_isInThePublishedCodeSystem() throws Exception {
		org.hl7.fhir.r4.model.CodeSystem published;
		try (java.io.InputStream in = getClass().getResourceAsStream("/profiles/CodeSystem-recourse-error.json")) {
			published = ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser()
					.parseResource(org.hl7.fhir.r4.model.CodeSystem.class, in);
		}

		assertThat(published.getUrl()).isEqualTo(RecourseError.SYSTEM);
		assertThat(published.getConcept()).extracting(c -> c.getCode())
				.containsAll(Arrays.stream(RecourseError.values()).map(RecourseError::code).toList());
	}

	@ParameterizedTest
	@CsvSource({"400,invalid-input", "404,not-found", "410,not-found", "409,conflict", "412,precondition-failed",
		"401,unauthorized", "403,forbidden", "413,too-large", "415,unsupported-media-type", "422,unprocessable", "405,invalid-input", "503,internal-error"})
	void forStatus_mapsHapiStatusesToOurCodes(int status, String code) {
		assertThat(RecourseError.forStatus(status).code()).isEqualTo(code);
	}
}
