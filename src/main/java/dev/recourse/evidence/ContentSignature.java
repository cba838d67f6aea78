package dev.recourse.evidence;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether bytes are what a media type says, by their leading signature ("magic number") for binary formats and
 * by strict UTF-8 decoding for text. Types with no known signature are not sniffed.
 */
final class ContentSignature {
	private record Signature(String mediaType, String name, byte[][] prefixes) {
		boolean matches(byte[] data) {
			return Arrays.stream(prefixes).anyMatch(prefix -> startsWith(data, prefix));
		}
	}

	private static final List<Signature> SIGNATURES = List.of(
			new Signature("application/pdf", "a PDF", new byte[][] {ascii("%PDF-")}),
			new Signature("image/png", "a PNG image", new byte[][] {{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}}),
			new Signature("image/jpeg", "a JPEG image", new byte[][] {{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}}),
			new Signature("image/tiff", "a TIFF image", new byte[][] {{'I', 'I', '*', 0}, {'M', 'M', 0, '*'}}));

	private ContentSignature() {
	}

	/** The media type without parameters, lower case: {@code Text/Plain; charset=UTF-8} → {@code text/plain}. */
	static String mediaType(String contentType) {
		int semicolon = contentType.indexOf(';');
		return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
	}

	/** The charset parameter of a content type, lower case, if any. */
	static Optional<String> charset(String contentType) {
		for (String parameter : contentType.split(";")) {
			String[] pair = parameter.split("=", 2);
			if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
				return Optional.of(pair[1].strip().replace("\"", "").toLowerCase(Locale.ROOT));
			}
		}
		return Optional.empty();
	}

	/**
	 * Why the bytes are not of the media type, or empty when they are (or the type has no signature we know).
	 */
	static Optional<String> mismatch(String mediaType, byte[] data) {
		Optional<Signature> actual = SIGNATURES.stream().filter(signature -> signature.matches(data)).findFirst();
		if (mediaType.startsWith("text/")) {
			if (actual.isPresent()) {
				return Optional.of("data is " + actual.get().name() + ", not " + mediaType);
			}
			return validUtf8(data) ? Optional.empty() : Optional.of("data is not valid UTF-8 text, which " + mediaType + " must be");
		}
		Optional<Signature> expected = SIGNATURES.stream().filter(signature -> signature.mediaType().equals(mediaType)).findFirst();
		if (expected.isEmpty() || expected.get().matches(data)) {
			return Optional.empty();
		}
		return Optional.of(actual.map(signature -> "data is " + signature.name() + ", not " + mediaType)
				.orElse("data does not start with the signature of " + expected.get().name() + " (" + mediaType + ")"));
	}

	static boolean validUtf8(byte[] data) {
		try {
			StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(data));
		} catch (CharacterCodingException e) {
			return false;
		}
		for (byte b : data) {
			if (b == 0) {
				return false;
			}
		}
		return true;
	}

	private static boolean startsWith(byte[] data, byte[] prefix) {
		return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}
}
