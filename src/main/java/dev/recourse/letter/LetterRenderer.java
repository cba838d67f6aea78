package dev.recourse.letter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a letter of medical necessity: {@link #html} fills the Thymeleaf template, {@link #pdf} turns that same
 * XHTML into PDF/A, so what the specialist previews is what the payer receives. Thread-safe.
 */
@Component
public class LetterRenderer {

	static final String TEMPLATE = "letter-of-medical-necessity";
	static final String FILING_TEMPLATE = "filing-request";
	static final String TITLE = "Letter of medical necessity";

	private final TemplateEngine templates;
	private final LetterText show = new LetterText();
	private final PdfA pdfA = new PdfA();

	public LetterRenderer() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(LetterRenderer.class.getClassLoader());
		resolver.setPrefix("letter/");
		resolver.setSuffix(".html");
		// HTML mode keeps the templates' XHTML as written and escapes th:text with XML's own entities only
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCheckExistence(true);
		resolver.setCacheable(true);
		templates = new TemplateEngine();
		templates.setTemplateResolver(resolver);
	}

	/** The letter as well-formed XHTML (UTF-8), every value escaped. */
	public String html(LetterContent content) {
		Context context = context(content, TITLE);
		context.setVariable("subject", subject(content));
		return templates.process(TEMPLATE, context);
	}

	/** A filing past the plan (review request or complaint), from the same page rules and fragments as the letter. */
	public String html(FilingContent filing) {
		Context context = context(filing.letter(), filing.title());
		context.setVariable("f", filing);
		// the metadata names the filing, not the patient (file lists show it)
		context.setVariable("subject", filing.title());
		return templates.process(FILING_TEMPLATE, context);
	}

	/** The filing as PDF/A-2u, rendered from {@link #html(FilingContent)}. */
	public byte[] pdf(FilingContent filing) {
		return pdf(html(filing));
	}

	private Context context(LetterContent content, String title) {
		Context context = new Context(Locale.US);
		context.setVariable("c", content);
		context.setVariable("show", show);
		// Optionals are opened here, not in the template: its expressions do not call into java.util
		context.setVariable("claimNumber", content.parties().claimNumber().orElse(null));
		context.setVariable("offLabel", content.offLabel().orElse(null));
		context.setVariable("signedAt", content.signature().signedAt().map(show::text).orElse(null));
		context.setVariable("peerToPeers", content.peerToPeers().stream().map(call -> call.printed(show)).toList());
		context.setVariable("title", title);
		context.setVariable("author", author(content));
		return context;
	}

	/** The letter as a PDF/A-2u file with its fonts embedded, rendered from {@link #html}. */
	public byte[] pdf(LetterContent content) {
		return pdf(html(content));
	}

	private byte[] pdf(String xhtml) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		try {
			pdfA.write(xhtml, out);
		} catch (IOException e) {
			// everything is in memory and on the class path: a failure here is a defect, not a condition to handle
			throw new UncheckedIOException("could not render the letter as PDF", e);
		}
		return out.toByteArray();
	}

	/** Renders a page in both fonts and discards it: loads the PDF machinery before the first letter needs it. */
	public void warmUp() {
		String page = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Warm-up</title><style>body { font-family: '"
				+ PdfA.FONT_FAMILY + "'; }</style></head><body><p>Warm-up <strong>page</strong></p></body></html>";
		try {
			pdfA.write(page, new ByteArrayOutputStream());
		} catch (IOException e) {
			throw new UncheckedIOException("could not render the warm-up page", e);
		}
	}

	// The prescriber signs the letter, so the PDF names them as its author; until known, the product.
	private static String author(LetterContent content) {
		Fact<String> name = content.signature().prescriberName();
		return name.known() ? LetterText.xmlSafe(name.value()) : "Recourse";
	}

	// No patient name in the metadata: file lists and viewers show it without opening the letter.
	private static String subject(LetterContent content) {
		Fact<String> authorization = content.parties().authorizationNumber();
		return authorization.known()
				? "Appeal of the denied prior authorization " + LetterText.xmlSafe(authorization.value())
				: "Appeal of a denied prior authorization";
	}
}
