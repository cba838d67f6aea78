package dev.recourse.evidence;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What attachments the server accepts in DocumentReferences and Binaries.
 *
 * @param allowedContentTypes media types (no parameters) an attachment may have; compared case-insensitively
 * @param maxAttachmentBytes the largest attachment, in decoded bytes. A base64 attachment inside a FHIR JSON
 *     body takes 4/3 of that, so the request limit ({@code recourse.limits.max-request-bytes}) caps it too.
 */
@ConfigurationProperties("recourse.evidence")
public record EvidenceProperties(List<String> allowedContentTypes, long maxAttachmentBytes) {
	static final List<String> DEFAULT_CONTENT_TYPES =
			List.of("application/pdf", "image/png", "image/jpeg", "image/tiff", "text/plain", "text/html");
	static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

	public EvidenceProperties {
		allowedContentTypes = allowedContentTypes == null || allowedContentTypes.isEmpty()
				? DEFAULT_CONTENT_TYPES
				: allowedContentTypes.stream().map(type -> type.strip().toLowerCase(Locale.ROOT)).toList();
		maxAttachmentBytes = maxAttachmentBytes > 0 ? maxAttachmentBytes : DEFAULT_MAX_BYTES;
	}

	/** The defaults, for tests and tools that build the checks by hand. */
	public static EvidenceProperties defaults() {
		return new EvidenceProperties(null, 0);
	}
}
