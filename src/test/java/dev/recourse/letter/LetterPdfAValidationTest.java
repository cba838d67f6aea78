package dev.recourse.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** The letters pass veraPDF, the reference PDF/A validator (rules bundled in its jar; runs offline). */
class LetterPdfAValidationTest {

	@BeforeAll
	static void foundry() {
		VeraGreenfieldFoundryProvider.initialise();
	}

	@Test
	void aCompleteLetterIsPdfA2u() throws Exception {
		assertThat(failures(new LetterRenderer().pdf(Letters.complete()))).isEmpty();
	}

	@Test
	void aLetterWithPlaceholdersIsPdfA2u() throws Exception {
		assertThat(failures(new LetterRenderer().pdf(Letters.withGaps()))).isEmpty();
	}

	// the control: a PDF that is not PDF/A (no metadata, no output intent) must fail, or the tests above would
	// prove nothing
	@Test
	void rejectsAPlainPdf() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (PDDocument doc = new PDDocument()) {
			doc.addPage(new PDPage());
			doc.save(out);
		}
		assertThat(failures(out.toByteArray())).isNotEmpty();
	}

	private static List<String> failures(byte[] pdf) throws Exception {
		PDFAFlavour flavour = PDFAFlavour.PDFA_2_U;
		try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
				PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
			ValidationResult result = validator.validate(parser);
			List<String> failures = result.getTestAssertions().stream()
					.filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
					.map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
					.distinct().toList();
			assertThat(result.isCompliant()).as("compliant; failures: %s", failures).isEqualTo(failures.isEmpty());
			return failures;
		}
	}
}
