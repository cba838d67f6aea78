package dev.recourse.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LetterContentTest {

	@Test
	void refusesASectionTheTemplateWouldNotPrint() {
		LetterContent c = Letters.complete();

		assertThatThrownBy(() -> new LetterContent(c.parties(), c.request(), c.clinicalSummary(), c.criteria(),
				c.priorTherapies(), c.offLabel(), c.legalBasis(), c.deadline(), c.enclosures(), c.signature(),
				Map.of("postscript", "P.S."), List.of()))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("postscript");
	}

	@Test
	void leavesOutBlankSectionsSoThatTheyPrintAsPlaceholders() {
		LetterContent c = Letters.complete();

		LetterContent blank = new LetterContent(c.parties(), c.request(), c.clinicalSummary(), c.criteria(),
				c.priorTherapies(), c.offLabel(), c.legalBasis(), c.deadline(), c.enclosures(), c.signature(),
				Map.of(LetterContent.OPENING, "  \n "), List.of());

		assertThat(blank.sections()).isEmpty();
		assertThat(new LetterRenderer().html(blank)).contains(LetterText.PLACEHOLDER_PREFIX + "opening paragraph]");
	}

	@Test
	void aFactIsKnownOrUnknownNeverBlank() {
		assertThat(Fact.ofNullable(null).known()).isFalse();
		assertThat(Fact.ofNullable("  ").known()).isFalse();
		assertThat(Fact.ofNullable("ACM1").value()).isEqualTo("ACM1");
		assertThatThrownBy(() -> Fact.of(" ")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fact.of(null)).isInstanceOf(NullPointerException.class);
		assertThatThrownBy(() -> Fact.unknown().value()).isInstanceOf(IllegalStateException.class);
	}
}
