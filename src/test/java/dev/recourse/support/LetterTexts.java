package dev.recourse.support;

import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hl7.fhir.r4.model.DocumentReference;

/** A letter DocumentReference's two renderings as text, whitespace collapsed, for ITs that check what the letter says. */
public final class LetterTexts {
	private LetterTexts() {
	}

	/** The PDF's text as PDFBox extracts it. */
	public static String pdfText(DocumentReference letter) throws Exception {
		try (PDDocument document = Loader.loadPDF(attachment(letter, "application/pdf"))) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

	/** The HTML as stored. */
	public static String html(DocumentReference letter) {
		return new String(attachment(letter, "text/html"), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
	}

	private static byte[] attachment(DocumentReference letter, String contentType) {
		return letter.getContent().stream().filter(content -> contentType.equals(content.getAttachment().getContentType()))
				.findFirst().orElseThrow().getAttachment().getData();
	}
}
