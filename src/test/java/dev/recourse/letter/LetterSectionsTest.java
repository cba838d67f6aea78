package dev.recourse.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.common.RecourseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.api.Test;

/** The specialist's sections: kept on the letter, carried over, replaced or cleared only when given again. */
class LetterSectionsTest {

	@Test
	void keptOnTheLetter_andCarriedIntoTheNextDraftUnlessGivenAgain() {
		DocumentReference earlier = new DocumentReference();
		LetterSections.write(earlier, Map.of("argument", "My reasoning.", "opening", "Dear reviewer,"));

		Map<String, String> next = LetterSections.merge(LetterSections.of(Optional.of(earlier)),
				List.of(new LetterSections.Edit("opening", "To the medical director,"), new LetterSections.Edit("closing", "")));

		assertThat(next).containsExactlyInAnyOrderEntriesOf(Map.of("argument", "My reasoning.", "opening", "To the medical director,"));
		assertThat(LetterSections.merge(next, List.of(new LetterSections.Edit("argument", " ")))).doesNotContainKey("argument");
	}

	@Test
	void unknownSectionName_isRefused_namingTheParameter() {
		assertThatThrownBy(() -> LetterSections.merge(Map.of(), List.of(new LetterSections.Edit("postscript", "x"))))
				.isInstanceOf(RecourseException.class).satisfies(e -> assertThat(((RecourseException) e).element()).isEqualTo("section.name"));
	}
}
