package dev.recourse.letter;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How values read in the letter, handed to the templates as {@code show}. Formatting lives here, not in the
 * templates, so that HTML and PDF say the same thing and a template never calls into {@code java.*} (Thymeleaf 3.1
 * restricts that in expressions).
 * <p>
 * Public because the templates' expression language reaches it by reflection.
 */
public final class LetterText {

	/** Starts every placeholder; searchable in the HTML, the PDF's text and by the specialist. */
	public static final String PLACEHOLDER_PREFIX = "[to be completed by the specialist: ";

	// US letters to US payers: "March 3, 2026"
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);
	private static final DateTimeFormatter DATE_TIME =
			DateTimeFormatter.ofPattern("MMMM d, uuuu 'at' HH:mm xxx", Locale.US);

	LetterText() {
	}

	/** The placeholder printed for an unknown fact, naming what is missing. */
	public String todo(String what) {
		return PLACEHOLDER_PREFIX + what + "]";
	}

	/** A known fact's value as the letter prints it. */
	public String text(Fact<?> fact) {
		return text(fact.value());
	}

	/** A value as the letter prints it: dates spelled out, text made safe for XML. */
	public String text(Object value) {
		if (value instanceof Fact<?> fact) {
			return text(fact);
		}
		if (value instanceof LocalDate date) {
			return DATE.format(date);
		}
		if (value instanceof OffsetDateTime dateTime) {
			return DATE_TIME.format(dateTime);
		}
		return xmlSafe(String.valueOf(value));
	}

	/** A section's text split into paragraphs at blank lines. */
	public List<String> paragraphs(String text) {
		return Arrays.stream(text.strip().split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty())
				.map(LetterText::xmlSafe).toList();
	}

	/**
	 * Drops the characters XML 1.0 cannot carry (controls other than tab and line breaks, unpaired surrogates):
	 * escaping does not help with those, and the PDF engine parses the page as XML. U+FFFD marks where one was.
	 */
	static String xmlSafe(String text) {
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			boolean ok;
			if (Character.isHighSurrogate(ch)) {
				ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
				if (ok) {
					if (out != null) {
						out.append(ch).append(text.charAt(i + 1));
					}
					i++;
					continue;
				}
			} else {
				ok = ch == '\t' || ch == '\n' || ch == '\r' || ch >= 0x20 && ch <= 0xD7FF
						|| ch >= 0xE000 && ch <= 0xFFFD;
			}
			if (!ok && out == null) {
				out = new StringBuilder(text.length()).append(text, 0, i);
			}
			if (out != null) {
				out.append(ok ? ch : '\uFFFD');
			}
		}
		return out == null ? text : out.toString();
	}
}
