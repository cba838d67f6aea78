package dev.recourse.payer;

import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;

/**
 * A CDex 2.1 {@code $submit-attachment} as this payer takes it: the tracking number it answers (TrackingId), for a prior
 * authorization (AttachTo), the member (MemberId) and the provider (ProviderId and/or OrganizationId), and each
 * Attachment's document (Content, a DocumentReference) with the LOINC code it answers (Code, else the document's LOINC
 * type) and its line items. 400 naming the parameter for what is missing or malformed; 422 for what is well-formed but
 * not taken here (attachments for claims, content other than DocumentReference).
 */
record AttachmentSubmission(Identifier trackingId, Identifier memberId, List<Identifier> providers, List<Sent> attachments) {

	/** One document sent, the code it answers and the lines it concerns (none: the whole request). */
	record Sent(int index, DocumentReference content, Coding code, List<Integer> lineItems) {
	}

	/** The operation's parameters as HAPI hands them over. */
	record Input(Identifier trackingId, CodeType attachTo, Identifier memberId, Identifier providerId, Identifier organizationId,
			List<ParametersParameterComponent> attachments) {
	}

	static AttachmentSubmission of(Input input) {
		Identifier tracking = required(input.trackingId(), "TrackingId", "the payer's tracking number of the prior authorization");
		Identifier member = required(input.memberId(), "MemberId", "the member's identifier");
		if (input.attachTo() == null || !input.attachTo().hasValue()) {
			throw invalid("AttachTo", "AttachTo is required: preauthorization (or claim)");
		}
		if (!"preauthorization".equals(input.attachTo().getValue())) {
			throw new RecourseException("claim".equals(input.attachTo().getValue()) ? RecourseError.UNPROCESSABLE : RecourseError.INVALID_INPUT,
					"AttachTo", "This payer takes attachments for prior authorizations only (AttachTo preauthorization)");
		}
		List<Identifier> providers = Stream.of(input.providerId(), input.organizationId()).filter(id -> id != null && id.hasValue()).toList();
		if (providers.isEmpty()) {
			throw invalid("ProviderId", "ProviderId or OrganizationId (the provider's NPI) is required");
		}
		List<ParametersParameterComponent> attachments = input.attachments() == null ? List.of() : input.attachments();
		if (attachments.isEmpty()) {
			throw invalid("Attachment", "At least one Attachment is required, its document in the part Content");
		}
		List<Sent> sent = new ArrayList<>();
		for (int i = 0; i < attachments.size(); i++) {
			sent.add(sent(i, attachments.get(i)));
		}
		return new AttachmentSubmission(tracking, member, providers, sent);
	}

	private static Sent sent(int index, ParametersParameterComponent attachment) {
		String at = "Attachment[" + index + "]";
		ParametersParameterComponent content = part(attachment, "Content").orElseThrow(() -> invalid(at + ".Content",
				"Each Attachment carries its document in the part Content"));
		if (!(content.getResource() instanceof DocumentReference document)) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, at + ".Content", "This payer takes documents as DocumentReference "
					+ "with the attachment inline; not " + (content.getResource() == null ? "a value" : content.getResource().fhirType()));
		}
		Coding code = part(attachment, "Code").map(ParametersParameterComponent::getValue).filter(CodeableConcept.class::isInstance)
				.flatMap(concept -> loinc((CodeableConcept) concept)).or(() -> loinc(document.getType()))
				.orElseThrow(() -> invalid(at + ".Code", "Name the LOINC attachment code the document answers, in the part Code "
						+ "(or as the DocumentReference's type)"));
		List<Integer> lines = new ArrayList<>();
		for (ParametersParameterComponent line : attachment.getPart()) {
			if ("LineItem".equals(line.getName())) {
				lines.add(lineNumber(line, at));
			}
		}
		return new Sent(index, document, code, lines);
	}

	private static int lineNumber(ParametersParameterComponent line, String at) {
		try {
			return Integer.parseInt(line.getValue().primitiveValue().strip());
		} catch (RuntimeException notANumber) {
			throw invalid(at + ".LineItem", "A LineItem is the request's item sequence, as a string of digits");
		}
	}

	private static Optional<ParametersParameterComponent> part(ParametersParameterComponent parameter, String name) {
		return parameter.getPart().stream().filter(part -> name.equals(part.getName())).findFirst();
	}

	private static Optional<Coding> loinc(CodeableConcept concept) {
		return concept.getCoding().stream().filter(coding -> Pas.LOINC.equals(coding.getSystem()) && coding.hasCode()).findFirst();
	}

	private static Identifier required(Identifier identifier, String name, String what) {
		if (identifier == null || !identifier.hasValue()) {
			throw invalid(name, name + " is required: " + what);
		}
		return identifier;
	}

	private static RecourseException invalid(String element, String message) {
		return new RecourseException(RecourseError.INVALID_INPUT, element, message);
	}
}
