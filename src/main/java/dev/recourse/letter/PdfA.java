package dev.recourse.letter;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;

/**
 * XHTML to PDF/A with openhtmltopdf. PDF/A (ISO 19005) is the archival PDF: self-contained, so the letter reads
 * the same years later in the payer's or a court's file. That asks for every font embedded (ours ship in
 * {@code letter/fonts/}, DejaVu Sans under the Bitstream Vera licence) and an output intent naming the colour
 * space (sRGB, from the JDK). Nothing is fetched at run time: the template links no resource.
 */
final class PdfA {

	/** Level 2, "u": text extractable as Unicode — reviewers search and copy from the letter. */
	static final PdfAConformance CONFORMANCE = PdfAConformance.PDFA_2_U;
	/** The family the templates' CSS names; the only one they may use. */
	static final String FONT_FAMILY = "DejaVu Sans";

	private static final String PRODUCER = "Recourse";

	// read once: a letter is rendered many times, the files do not change
	private final byte[] regular = resource("letter/fonts/DejaVuSans.ttf");
	private final byte[] bold = resource("letter/fonts/DejaVuSans-Bold.ttf");
	private final byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

	/** Writes the PDF of {@code xhtml} (title, author and subject come from its head) to {@code out}. */
	void write(String xhtml, OutputStream out) throws IOException {
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.usePdfAConformance(CONFORMANCE);
		builder.useColorProfile(srgb);
		// subset: only the glyphs used are embedded, which PDF/A allows and keeps the file small
		builder.useFont(() -> new ByteArrayInputStream(regular), FONT_FAMILY, 400, FontStyle.NORMAL, true);
		builder.useFont(() -> new ByteArrayInputStream(bold), FONT_FAMILY, 700, FontStyle.NORMAL, true);
		builder.withProducer(PRODUCER);
		// no base URI to resolve against: the letter has no external resources, and none may be fetched
		builder.withHtmlContent(xhtml, null);
		builder.toStream(out);
		builder.run();
	}

	private static byte[] resource(String path) {
		try (InputStream in = PdfA.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("missing from the class path: " + path);
			}
			return in.readAllBytes();
		} catch (IOException e) {
			throw new UncheckedIOException(path, e);
		}
	}
}
