package dev.recourse.denial;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import dev.recourse.pathway.PathwayCode;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.hl7.fhir.r4.model.CodeSystem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The codes the triage speaks are exactly the codes the published code systems (profiles/) define. */
class CodeSystemContractTest {

	static List<Arguments> codeSystems() {
		return List.of(
				Arguments.of("denial-category", DenialCategory.SYSTEM,
						Arrays.stream(DenialCategory.values()).map(DenialCategory::code).toList()),
				Arguments.of("plan-regime", PlanRegime.SYSTEM,
						Arrays.stream(PlanRegime.values()).map(PlanRegime::code).toList()),
				Arguments.of("pathway", PathwayCode.SYSTEM,
						Arrays.stream(PathwayCode.values()).map(PathwayCode::code).toList()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("codeSystems")
	void enumCodes_areExactlyThePublishedCodes(String id, String system, List<String> codes) throws Exception {
		CodeSystem published;
		try (InputStream in = getClass().getResourceAsStream("/profiles/CodeSystem-" + id + ".json")) {
			published = FhirContext.forR4Cached().newJsonParser().parseResource(CodeSystem.class, in);
		}

		assertThat(published.getUrl()).isEqualTo(system);
		assertThat(published.getConcept()).extracting(c -> c.getCode()).containsExactlyInAnyOrderElementsOf(codes);
	}
}
