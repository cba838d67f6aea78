package dev.recourse.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LetterPdfTest {

	private static final LetterRenderer RENDERER = new LetterRenderer();
	private static byte[] complete;
	private static byte[] withGaps;

	@BeforeAll
	static void render() {
		complete = RENDERER.pdf(Letters.complete());
		withGaps = RENDERER.pdf(Letters.withGaps());
	}

	@Test
	void printsEveryCriterionWithItsStatusAndThePlaceholders() throws Exception {
		String text = text(withGaps);

		for (var row : Letters.CRITERIA) {
			assertThat(text).contains(row.requirement(), row.status().display());
		}
		assertThat(text).contains(LetterText.PLACEHOLDER_PREFIX + "member id]",
				LetterText.PLACEHOLDER_PREFIX + "evidence]", LetterText.PLACEHOLDER_PREFIX + "NPI]", "Unsigned");
		assertThat(text(complete)).contains("Jane Q. Doe", "ACM123456789", "Signed March 4, 2026 at 14:05 -05:00")
				.doesNotContain(LetterText.PLACEHOLDER_PREFIX + "member id]");
	}

	@Test
	void embedsEveryFont() throws Exception {
		try (PDDocument pdf = Loader.loadPDF(complete)) {
			List<PDFont> fonts = new ArrayList<>();
			for (PDPage page : pdf.getPages()) {
				PDResources resources = page.getResources();
				for (COSName name : resources.getFontNames()) {
					fonts.add(resources.getFont(name));
				}
			}
			assertThat(fonts).isNotEmpty().allSatisfy(font -> {
				assertThat(font.isEmbedded()).as(font.getName()).isTrue();
				assertThat(font.getName()).contains("DejaVuSans");
			});
		}
	}

	@Test
	void declaresPdfA2uWithAnSrgbOutputIntent() throws Exception {
		try (PDDocument pdf = Loader.loadPDF(complete)) {
			PDMetadata metadata = pdf.getDocumentCatalog().getMetadata();
			assertThat(metadata).isNotNull();
			XMPMetadata xmp = new DomXmpParser().parse(metadata.exportXMPMetadata());
			PDFAIdentificationSchema pdfaid = xmp.getPDFAIdentificationSchema();
			assertThat(pdfaid).isNotNull();
			assertThat(pdfaid.getPart()).isEqualTo(2);
			assertThat(pdfaid.getConformance()).isEqualTo("U");
			assertThat(xmp.getDublinCoreSchema().getTitle()).isEqualTo(LetterRenderer.TITLE);

			assertThat(pdf.getDocumentCatalog().getOutputIntents()).singleElement()
					.satisfies(intent -> assertThat(intent.getDestOutputIntent()).isNotNull());
		}
	}

	@Test
	void setsTitleAuthorAndSubject() throws Exception {
		try (PDDocument pdf = Loader.loadPDF(complete)) {
			var info = pdf.getDocumentInformation();
			assertThat(info.getTitle()).isEqualTo("Letter of medical necessity");
			assertThat(info.getAuthor()).isEqualTo("Alex Smith");
			assertThat(info.getSubject()).isEqualTo("Appeal of the denied prior authorization PA-2026-000417");
		}
	}

	// whitespace made single spaces: table cells wrap their text over lines
	private static String text(byte[] bytes) throws Exception {
		try (PDDocument pdf = Loader.loadPDF(bytes)) {
			return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
		}
	}
}
