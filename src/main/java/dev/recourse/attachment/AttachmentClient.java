package dev.recourse.attachment;

import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.ehr.EhrConnection;
import dev.recourse.submission.PayerAnswer;
import dev.recourse.submission.PayerClient;
import org.hl7.fhir.r4.model.Parameters;
import org.springframework.stereotype.Component;

/**
 * CDex {@code POST [payer base]/$submit-attachment} to a configured payer, sent as every request to a payer is
 * ({@link PayerClient}: the payer's token, the outbound policy, no redirects). Not retried: a failure is the caller's
 * answer (502 when the payer could not be reached or failed, 422 when it refused the documents).
 */
@Component
class AttachmentClient {
	private final PayerClient payers;

	AttachmentClient(PayerClient payers) {
		this.payers = payers;
	}

	void submit(EhrConnection payer, Parameters attachments) {
		PayerAnswer answer = payers.submitAttachment(payer, attachments);
		switch (answer.kind()) {
			case ANSWERED -> {
				// the payer has the documents
			}
			case REFUSED -> throw new RecourseException(RecourseError.UNPROCESSABLE, "document", "The payer refused the documents ("
					+ answer.reason() + "); nothing was recorded as sent");
			default -> throw new RecourseException(RecourseError.UPSTREAM_UNAVAILABLE, null, "The documents were not sent: "
					+ answer.reason() + ". Nothing was recorded as sent; call $send-documents again");
		}
	}
}
