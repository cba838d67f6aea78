package dev.recourse.evidence;

import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DocumentReference;
import org.springframework.stereotype.Component;

/**
 * The checks an attachment must pass to be stored, each failure a {@link RecourseException} naming the element:
 * a content type from the allowed list (required when there is data, FHIR's att-1); inline data no larger than
 * the limit (413, like a request body over the request limit: the same content sent again cannot succeed);
 * {@code size} and {@code hash} (SHA-1, base64, as FHIR R4 defines it), when given, agreeing with the data;
 * and the data being what the content type says. Every other refusal is 422: the resource is well-formed FHIR
 * whose content the server will not accept, not a request in an unsupported format (415).
 *
 * <p>Attachments with only a {@code url} have no bytes to check here; their content type is still checked.
 */
@Component
public class AttachmentRules {
	private final Set<String> allowed;
	private final long maxBytes;

	public AttachmentRules(EvidenceProperties properties) {
		this.allowed = Set.copyOf(properties.allowedContentTypes());
		this.maxBytes = properties.maxAttachmentBytes();
	}

	public void check(DocumentReference document) {
		for (int i = 0; i < document.getContent().size(); i++) {
			DocumentReference.DocumentReferenceContentComponent content = document.getContent().get(i);
			if (content.hasAttachment()) {
				check(content.getAttachment(), "DocumentReference.content[" + i + "].attachment");
			}
		}
	}

	/** Checks one attachment; {@code path} is its FHIRPath, e.g. {@code DocumentReference.content[0].attachment}. */
	public void check(Attachment attachment, String path) {
		byte[] data = attachment.hasData() ? attachment.getData() : null;
		String contentType = checkContentType(attachment.getContentType(), data != null, path + ".contentType");
		if (data == null) {
			return;
		}
		checkSize(data, path + ".data");
		if (attachment.hasSize() && attachment.getSize() != data.length) {
			throw refused(path + ".size", "size " + attachment.getSize() + " does not match the data, which is "
					+ data.length + " bytes");
		}
		if (attachment.hasHash() && !MessageDigest.isEqual(attachment.getHash(), sha1(data))) {
			throw refused(path + ".hash", "hash " + Base64.getEncoder().encodeToString(attachment.getHash())
					+ " is not the SHA-1 of the data (base64 of SHA-1 over the decoded bytes, as FHIR R4 defines it)");
		}
		checkBytes(contentType, data, path + ".data");
	}

	public void check(Binary binary) {
		byte[] data = binary.hasData() ? binary.getData() : null;
		String contentType = checkContentType(binary.getContentType(), true, "Binary.contentType");
		if (data != null) {
			checkSize(data, "Binary.data");
			checkBytes(contentType, data, "Binary.data");
		}
	}

	/** The allowed media type of the content type, or null when there is none and none is needed. */
	private String checkContentType(String contentType, boolean required, String path) {
		if (contentType == null || contentType.isBlank()) {
			if (required) {
				throw refused(path, "contentType is required for an attachment with data; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
			}
			return null;
		}
		String mediaType = ContentSignature.mediaType(contentType);
		if (!allowed.contains(mediaType)) {
			throw refused(path, "content type '" + printable(mediaType) + "' is not accepted; allowed: "
					+ String.join(", ", allowed.stream().sorted().toList()));
		}
		Optional<String> charset = ContentSignature.charset(contentType);
		if (mediaType.startsWith("text/") && charset.isPresent() && !charset.get().equals("utf-8") && !charset.get().equals("us-ascii")) {
			throw refused(path, "text attachments must be UTF-8; charset '" + printable(charset.get()) + "' is not accepted");
		}
		return mediaType;
	}

	private void checkSize(byte[] data, String path) {
		if (data.length > maxBytes) {
			throw new RecourseException(RecourseError.TOO_LARGE, path, "attachment of " + data.length
					+ " bytes exceeds the limit of " + maxBytes + " bytes");
		}
	}

	private static void checkBytes(String mediaType, byte[] data, String path) {
		if (mediaType != null) {
			ContentSignature.mismatch(mediaType, data).ifPresent(problem -> {
				throw refused(path, problem);
			});
		}
	}

	static byte[] sha1(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-1").digest(data);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-1 is part of every JRE", e);
		}
	}

	private static RecourseException refused(String path, String message) {
		return new RecourseException(RecourseError.UNPROCESSABLE, path, message);
	}

	private static String printable(String value) {
		String trimmed = value.length() > 60 ? value.substring(0, 60) + "..." : value;
		return trimmed.replaceAll("[^\\x20-\\x7E]", "?");
	}
}
