package dev.recourse.payer;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.payer.SubmissionRecords.Receipt;
import dev.recourse.security.audit.OperationReads;
import java.time.Clock;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Service;

/**
 * {@code Claim/$inquire}: check it is a PAS inquiry and validate it (422) → who it is about (member identifiers), who
 * asks (provider identifiers) and which request (the Claim's identifier) → the received submissions whose answer
 * carries that identifier (the tracking number, or the submitted Claim's identifier, echoed) → keep those for the
 * same member with a provider in common (PAS spec-61: member id plus the ordering or rendering provider's NPI) →
 * each one's current ClaimResponse in a PAS inquiry response Bundle, as {@code return} parameters (none: no
 * {@code return}, not an error).
 */
@Service
class PriorAuthInquiry {
	private static final String WHAT = "PAS inquiry Bundle";
	private final SubmissionRecords records;
	private final PasValidation validation;
	private final FhirContext fhirContext;
	private final Clock clock = Clock.systemUTC();

	PriorAuthInquiry(SubmissionRecords records, PasValidation validation, FhirContext fhirContext) {
		this.records = records;
		this.validation = validation;
		this.fhirContext = fhirContext;
	}

	Parameters inquire(Bundle inquiry, RequestDetails request) {
		RequestShape.check(inquiry, WHAT);
		validation.require(inquiry, Pas.INQUIRY_REQUEST_BUNDLE, WHAT);
		Parties asked = Parties.of(inquiry);
		if (asked.member().isEmpty()) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, "Claim.patient", "An inquiry names the member: the Claim's patient "
					+ "(or its Coverage) carries the member identifier, and this one carries none");
		}
		if (asked.providers().isEmpty()) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, "Claim.provider", "An inquiry names the provider asking (its NPI) "
					+ "in the Claim's provider; this one names none with an identifier");
		}
		List<Receipt> found = matching(asked);
		Set<String> patients = found.stream().flatMap(receipt -> patientCopies(receipt).stream()).collect(Collectors.toSet());
		return OperationReads.auditedAsOne(request, patients, () -> answer(found, inquiry.getIdentifier(), request));
	}

	private List<Receipt> matching(Parties asked) {
		Map<String, Receipt> found = new LinkedHashMap<>();
		for (Identifier identifier : asked.claim()) {
			for (Receipt receipt : records.withIdentifier(identifier.getValue())) {
				Parties sent = Parties.of(receipt.received());
				if (names(identifier, receipt, sent) && asked.sameMember(sent) && asked.shareProvider(sent)) {
					found.putIfAbsent(receipt.submission().id(), receipt);
				}
			}
		}
		return found.values().stream().sorted(Comparator.comparing(Receipt::recorded).reversed()).toList();
	}

	/** Whether the inquiry's identifier is the payer's tracking number of the submission, or the submitted Claim's own. */
	private static boolean names(Identifier asked, Receipt receipt, Parties sent) {
		boolean tracking = receipt.response().getIdentifier().stream()
				.anyMatch(ours -> Pas.TRACKING_NUMBER_SYSTEM.equals(ours.getSystem()) && asked.getValue().equals(ours.getValue()))
				|| asked.getValue().equals(receipt.response().getPreAuthRef());
		return tracking || sent.claim().stream().anyMatch(claimIdentifier -> Parties.same(asked, claimIdentifier));
	}

	private Parameters answer(List<Receipt> found, Identifier inquiryIdentifier, RequestDetails request) {
		WireBundles wire = new WireBundles(fhirContext, request.getFhirServerBase(), WireBundles.Kind.INQUIRY_RESPONSE);
		Date now = Date.from(clock.instant());
		Parameters answer = new Parameters();
		for (Receipt receipt : found) {
			answer.addParameter().setName("return").setResource(
					wire.answer(receipt, inquiryIdentifier, now));
		}
		return answer;
	}

	/** {@code Patient/<id>} of our copies of the submission's patients, for the audit record. */
	private static Set<String> patientCopies(Receipt receipt) {
		return receipt.received().getEntry().stream().filter(entry -> entry.getResource() instanceof Patient)
				.map(entry -> receipt.submission().copyReference(entry.getResource(), entry.getFullUrl()))
				.collect(Collectors.toSet());
	}
}
