package dev.recourse.payer;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.common.Digests;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.evidence.AttachmentRules;
import dev.recourse.payer.AttachmentSubmission.Sent;
import dev.recourse.payer.SubmissionRecords.Receipt;
import dev.recourse.security.audit.OperationWrites;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Service;

/**
 * CDex {@code $submit-attachment}: the received request with this tracking number (404) → the member and a provider
 * match the request's (422 naming MemberId / ProviderId: PAS spec-61, as for inquiries) → each attachment passes the
 * attachment rules (size, content type, inline data) → our copy of each document, keyed by the tracking number and a
 * digest of what it says (sent twice, stored once) → the open requests' progress → the new documents (create only) and
 * the changed Tasks and CommunicationRequests (If-Match) in one transaction → an information OperationOutcome.
 */
@Service
class AttachmentReceiver {
	private final SubmissionRecords records;
	private final AttachmentRules rules;
	private final FhirContext fhirContext;

	AttachmentReceiver(SubmissionRecords records, AttachmentRules rules, FhirContext fhirContext) {
		this.records = records;
		this.rules = rules;
		this.fhirContext = fhirContext;
	}

	OperationOutcome receive(AttachmentSubmission sent, RequestDetails request) {
		Receipt receipt = tracked(sent.trackingId());
		Parties parties = Parties.of(receipt.received());
		if (!new Parties(List.of(sent.memberId()), List.of(), List.of()).sameMember(parties)) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, "MemberId", "MemberId does not name the member of the prior "
					+ "authorization with this tracking number");
		}
		if (!new Parties(List.of(), sent.providers(), List.of()).shareProvider(parties)) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, "ProviderId", "Neither ProviderId nor OrganizationId names a "
					+ "provider of the prior authorization with this tracking number (same system and value)");
		}
		List<DocumentReference> documents = new ArrayList<>();
		for (Sent attachment : sent.attachments()) {
			documents.add(copy(receipt, attachment));
		}
		List<DocumentReference> fresh = documents.stream()
				.filter(document -> records.find(DocumentReference.class, document.getIdElement().getIdPart()).isEmpty()).toList();
		List<Resource> progress = AttachmentProgress.after(receipt.requests(), documents);
		store(fresh, progress, receipt, request);
		return outcome(receipt, progress, new int[] {fresh.size(), documents.size() - fresh.size()});
	}

	private Receipt tracked(Identifier trackingId) {
		return records.withIdentifier(trackingId.getValue()).stream()
				.filter(receipt -> trackingId.getValue().equals(receipt.submission().trackingNumber()))
				.findFirst().orElseThrow(() -> new RecourseException(RecourseError.NOT_FOUND, "TrackingId", "This payer has no prior "
						+ "authorization with the tracking number " + trackingId.getValue() + "; check that the attachments go to the payer that asked for them"));
	}

	/** Our copy of a document: checked, its code as its type, about our copies of the member and the request and nothing else. */
	private DocumentReference copy(Receipt receipt, Sent attachment) {
		String at = "Attachment[" + attachment.index() + "].Content";
		DocumentReference sent = attachment.content();
		for (int i = 0; i < sent.getContent().size(); i++) {
			if (!sent.getContent().get(i).getAttachment().hasData()) {
				throw new RecourseException(RecourseError.UNPROCESSABLE, at + ".content[" + i + "].attachment.data",
						"This payer takes documents with the attachment inline (data), not by url");
			}
			rules.check(sent.getContent().get(i).getAttachment(), at + ".content[" + i + "].attachment");
		}
		DocumentReference kept = ReceivedDocuments.kept(fhirContext, sent, receipt.response());
		if (kept.getType().getCoding().stream().noneMatch(coding -> coding.equalsDeep(attachment.code()))) {
			kept.getType().addCoding(attachment.code().copy());
		}
		kept.setId(receipt.submission().attachmentId(digest(sent) + "|" + attachment.code().getCode()));
		return kept;
	}

	private String digest(DocumentReference sent) {
		DocumentReference content = sent.copy();
		content.setIdElement(null);
		content.setMeta(null);
		return Digests.sha256Hex(fhirContext.newJsonParser().setPrettyPrint(false).encodeResourceToString(content));
	}

	private void store(List<DocumentReference> fresh, List<Resource> progress, Receipt receipt, RequestDetails request) {
		if (fresh.isEmpty() && progress.isEmpty()) {
			return;
		}
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		fresh.forEach(document -> transaction.addEntry().setResource(document).getRequest().setMethod(Bundle.HTTPVerb.PUT)
				.setUrl("DocumentReference/" + document.getIdElement().getIdPart()).setIfMatch("W/\"0\""));
		progress.forEach(changed -> transaction.addEntry().setResource(changed).getRequest().setMethod(Bundle.HTTPVerb.PUT)
				.setUrl(changed.fhirType() + "/" + changed.getIdElement().getIdPart())
				.setIfMatch("W/\"" + changed.getMeta().getVersionId() + "\""));
		OperationWrites.auditedAsOne(request, Set.of(receipt.response().getPatient().getReference()), () -> {
			records.store(transaction);
			return null;
		});
	}

	/** @param counts documents stored now, and received before */
	private static OperationOutcome outcome(Receipt receipt, List<Resource> progress, int[] counts) {
		Set<String> missing = new LinkedHashSet<>();
		for (Task task : receipt.documentRequests()) {
			Task now = progress.stream().filter(Task.class::isInstance).map(Task.class::cast)
					.filter(changed -> changed.getIdElement().getIdPart().equals(task.getIdElement().getIdPart())).findFirst().orElse(task);
			if (AttachmentProgress.open(now)) {
				missing.addAll(AttachmentProgress.missing(now));
			}
		}
		String tracking = receipt.submission().trackingNumber();
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION).setCode(OperationOutcome.IssueType.INFORMATIONAL)
				.setDiagnostics(counts[0] + " document(s) received for " + tracking + (counts[1] > 0 ? " (" + counts[1] + " received before)" : "")
						+ (missing.isEmpty() ? "; nothing more is asked for" : "; still asked for: LOINC " + String.join(", ", missing)));
		return outcome;
	}
}
