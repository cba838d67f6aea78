package dev.recourse.denial;

/**
 * Free text that may say why care was denied.
 *
 * @param origin where the text came from, e.g. "letter text" or {@code ClaimResponse.processNote[0].text}
 */
public record DenialText(String origin, String text) {
}
