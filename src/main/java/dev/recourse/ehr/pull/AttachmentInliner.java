package dev.recourse.ehr.pull;

import dev.recourse.ehr.client.EhrCallFailed;
import dev.recourse.ehr.client.EhrSession;
import dev.recourse.security.guard.OutboundUrlPolicy;
import java.util.List;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Clinical notes come with their text when it is small: an attachment the EHR serves as a Binary at
 * its own base is fetched and put inline up to the size limit; a larger one, or one elsewhere, stays a
 * link. Inline data over the limit is dropped in favour of the link when there is one.
 */
final class AttachmentInliner {
	private final EhrSession session;
	private final int maxBytes;
	private final List<PullWarning> warnings;

	AttachmentInliner(EhrSession session, int maxBytes, List<PullWarning> warnings) {
		this.session = session;
		this.maxBytes = maxBytes;
		this.warnings = warnings;
	}

	void inline(List<Resource> documents) {
		for (Resource resource : documents) {
			if (resource instanceof DocumentReference document) {
				document.getContent().forEach(content -> inline(content.getAttachment()));
			}
		}
	}

	private void inline(Attachment attachment) {
		if (attachment.hasUrl() && attachment.getUrl().startsWith("Binary/")) {
			// relative to the EHR, not to us: once copied it must still lead there
			attachment.setUrl(session.connection().baseUrl() + "/" + attachment.getUrl());
		}
		if (attachment.hasData()) {
			if (attachment.getData().length > maxBytes && attachment.hasUrl()) {
				attachment.setData(null);
			}
			return;
		}
		if (!attachment.hasUrl() || attachment.hasSize() && attachment.getSize() > maxBytes || !atEhr(attachment.getUrl())) {
			return;
		}
		try {
			Binary binary = session.binary(attachment.getUrl());
			if (binary.hasData() && binary.getData().length <= maxBytes) {
				attachment.setData(binary.getData());
				attachment.setSize(binary.getData().length);
				if (!attachment.hasContentType() && binary.hasContentType()) {
					attachment.setContentType(binary.getContentType());
				}
			}
		} catch (EhrCallFailed e) {
			warnings.add(PullWarning.about("DocumentReference", e.getMessage() + "; the note keeps its link instead of its text"));
		}
	}

	private boolean atEhr(String url) {
		String base = session.connection().baseUrl();
		return OutboundUrlPolicy.isUnder(url, base);
	}
}
