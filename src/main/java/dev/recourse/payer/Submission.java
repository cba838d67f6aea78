package dev.recourse.payer;

import ca.uhn.fhir.context.FhirContext;
import dev.recourse.common.Digests;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;

/**
 * One received PAS submission, named by who sent it and the Bundle's identifier — the idempotency key — and the
 * ids of everything stored for it. All ids start with {@code pas-} and a digest of that key, so they can never be the
 * id of one of this deployment's own resources, nor of another submission's:
 *
 * <pre>
 *   Bundle/pas-&lt;key&gt;          the Bundle as received
 *   ClaimResponse/pas-&lt;key&gt;   the payer's answer (pended, until decided)
 *   Provenance/pas-&lt;key&gt;      who sent it, when, what was stored, and the digest of what was sent
 *   &lt;Type&gt;/pas-&lt;key&gt;-&lt;entry&gt;  each received resource, &lt;entry&gt; a digest of its fullUrl in the Bundle
 *   Task/pas-&lt;key&gt;-docs-&lt;n&gt;   the payer's n-th request for documents (PAS Task)
 *   CommunicationRequest/pas-&lt;key&gt;-docs-&lt;n&gt;-&lt;i&gt;  what it asks for, one code and line each
 *   DocumentReference/pas-&lt;key&gt;-att-&lt;digest&gt;  a document received for it ($submit-attachment)
 * </pre>
 *
 * @param id {@code pas-} and 20 hex digits of the key
 */
record Submission(String id) {
	private static final String PREFIX = "pas-";
	/** FHIR ids are up to 64 characters: pas- (4) + 20 + - (1) + 16 = 41. */
	private static final int KEY_DIGITS = 20;
	private static final int ENTRY_DIGITS = 16;

	/** The submission the client sends with this Bundle identifier. */
	static Submission of(String client, Identifier bundleIdentifier) {
		String key = client + " " + nullToEmpty(bundleIdentifier.getSystem()) + "|" + bundleIdentifier.getValue();
		return new Submission(PREFIX + Digests.sha256Hex(key).substring(0, KEY_DIGITS));
	}

	/** The submission a stored resource belongs to, from its id; null when it is not a received one. */
	static Submission owning(String resourceId) {
		if (resourceId == null || !resourceId.startsWith(PREFIX) || resourceId.length() < PREFIX.length() + KEY_DIGITS) {
			return null;
		}
		return new Submission(resourceId.substring(0, PREFIX.length() + KEY_DIGITS));
	}

	/** Our id of the received resource at this fullUrl in the submission's Bundle. */
	String copyId(String fullUrl) {
		return id + "-" + Digests.sha256Hex(fullUrl).substring(0, ENTRY_DIGITS);
	}

	/** {@code Type/id} of our copy of a received resource. */
	String copyReference(Resource resource, String fullUrl) {
		return resource.fhirType() + "/" + copyId(fullUrl);
	}

	/** The id of the payer's n-th request for documents (its PAS Task); its CommunicationRequests add {@code -<i>}. */
	String documentRequestId(int round) {
		return id + "-docs-" + round;
	}

	/** The id of the Task a CommunicationRequest of {@link #documentRequestId} belongs to. */
	static String documentRequestOf(String communicationRequestId) {
		return communicationRequestId.substring(0, communicationRequestId.lastIndexOf('-'));
	}

	/** The id of a document received for it, from a digest of what it says: the same document sent twice is one. */
	String attachmentId(String contentDigest) {
		return id + "-att-" + Digests.sha256Hex(contentDigest).substring(0, ENTRY_DIGITS);
	}

	/** The payer's tracking number for it: what the response, the inquiry and later decisions name it by. */
	String trackingNumber() {
		return "PA-" + id.substring(PREFIX.length()).toUpperCase(Locale.ROOT);
	}

	/**
	 * What was sent, as an RFC 6920 name ({@code ni:///sha-256;…}) of its canonical JSON without what says only
	 * when or where it was sent: the Bundle's id, meta and timestamp, and the entries' versions. Sending the same
	 * request again — even rebuilt with a new timestamp — gives the same digest; changing anything it says does not.
	 */
	static String digest(FhirContext fhirContext, Bundle bundle) {
		Bundle content = bundle.copy();
		content.setIdElement(null);
		content.setMeta(null);
		content.setTimestampElement(null);
		for (Bundle.BundleEntryComponent entry : content.getEntry()) {
			if (entry.getResource() != null) {
				entry.getResource().getMeta().setVersionIdElement(null).setLastUpdatedElement(null);
			}
		}
		String json = fhirContext.newJsonParser().setPrettyPrint(false).encodeResourceToString(content);
		byte[] sha256 = HexFormat.of().parseHex(Digests.sha256Hex(json));
		return "ni:///sha-256;" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256);
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}
}
