package dev.recourse.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.StringReader;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class LetterHtmlTest {

	private final LetterRenderer renderer = new LetterRenderer();

	@Test
	void printsEverySectionOfACompleteLetterAndNoPlaceholder() {
		String html = renderer.html(Letters.complete());

		assertThat(html).contains("Jane Q. Doe", "April 2, 1971", "Acme Health Plan", "ACM123456789", "PA-2026-000417",
				"March 2, 2026", "Step therapy requirements not met.", "Internal appeal (first level)",
				"Expedited review is requested.", "Seropositive rheumatoid arthritis", "Problem list",
				"Methotrexate 20 mg weekly", "136", "Inadequate response", "29 CFR 2560.503-1(h)", "March 9, 2026",
				"Rheumatology clinic note, 2026-02-11", "Alex Smith", "MD, FACR", "1234567893",
				"Signed March 4, 2026 at 14:05 -05:00", "I am writing on behalf of my patient.",
				"<p>Adalimumab is necessary.</p>", "<p>No alternative is suitable.</p>");
		for (var row : Letters.CRITERIA) {
			assertThat(html).contains(row.requirement(), row.status().display());
		}
		// a pre-service denial has no claim; an on-label use no off-label section
		assertThat(html).doesNotContain("Claim number", "Off-label use", "Unsigned");
		// the one unknown of the complete letter is the third criterion's evidence (and the second's source)
		assertThat(html).contains(LetterText.PLACEHOLDER_PREFIX + "evidence]",
				LetterText.PLACEHOLDER_PREFIX + "source]");
		assertThat(html).doesNotContain(LetterText.PLACEHOLDER_PREFIX + "member id]");
	}

	@Test
	void printsEachUnknownAsAMarkedPlaceholderNamingWhatIsMissing() {
		String html = renderer.html(Letters.withGaps());

		for (String missing : new String[] {"member id", "claim number", "NPI", "clinical summary", "prior therapies",
				"legal basis", "enclosures", "compendia statement", "opening paragraph", "closing paragraph",
				"statement of medical necessity by the physician",
				"why the standard time frame would seriously jeopardize the patient"}) {
			assertThat(html).contains("<span class=\"todo\">" + LetterText.PLACEHOLDER_PREFIX + missing + "]</span>");
		}
		assertThat(html).contains("Claim number", "Off-label use", "Adult-onset Still&#39;s disease",
				"<span class=\"todo\">Unsigned</span>");
	}

	@Test
	void escapesMarkupInTheData() {
		String html = renderer.html(Letters.withStatement("<script>alert('x')</script> & <b>bold</b>"));

		assertThat(html).doesNotContain("<script", "<b>bold");
		assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;");
	}

	@Test
	void isWellFormedXmlEvenWithControlCharactersInTheData() throws Exception {
		String html = renderer.html(Letters.withStatement("bell \u0007 and a lone surrogate \uD800 here"));

		assertThat(html).contains("bell \uFFFD and a lone surrogate \uFFFD here");
		assertThatCode(() -> parseXml(html)).doesNotThrowAnyException();
		assertThatCode(() -> parseXml(renderer.html(Letters.withGaps()))).doesNotThrowAnyException();
	}

	@Test
	void carriesThePdfMetadataInTheHead() {
		String html = renderer.html(Letters.complete());

		assertThat(html).contains("<title>Letter of medical necessity</title>",
				"<meta name=\"author\" content=\"Alex Smith\"/>",
				"<meta name=\"subject\" content=\"Appeal of the denied prior authorization PA-2026-000417\"/>");
		// the template's namespace for Thymeleaf does not reach the output
		assertThat(html).doesNotContain(" th:", "xmlns:th");
	}

	private static void parseXml(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
	}
}
