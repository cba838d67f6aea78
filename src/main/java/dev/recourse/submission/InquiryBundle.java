package dev.recourse.submission;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The PAS inquiry for a packet whose submission's outcome is unknown: a collection Bundle with the packet's Claim
 * (its identifiers, member, provider, insurer and items are what PAS inquiry matches on) claiming the PAS
 * claim-inquiry profile, and the member, provider, insurer and coverage it names, as sent.
 */
final class InquiryBundle {
	static final String PROFILE = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-pas-inquiry-request-bundle";
	static final String CLAIM_PROFILE = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-claim-inquiry";

	private InquiryBundle() {
	}

	static Bundle of(Bundle packet) {
		Claim claim = PacketParts.claim(packet).copy();
		claim.getMeta().getProfile().clear();
		claim.getMeta().addProfile(CLAIM_PROFILE);
		Bundle inquiry = new Bundle().setType(Bundle.BundleType.COLLECTION);
		inquiry.getMeta().addProfile(PROFILE);
		String key = packet.getIdentifier().getValue() + "|inquiry";
		inquiry.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986")
				.setValue("urn:uuid:" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8))));
		inquiry.setTimestamp(new Date());
		Bundle.BundleEntryComponent claimEntry = entryOf(packet, PacketParts.claim(packet));
		inquiry.addEntry().setFullUrl(claimEntry == null ? null : claimEntry.getFullUrl()).setResource(claim);
		Set<Reference> named = new LinkedHashSet<>();
		named.add(claim.getPatient());
		named.add(claim.getProvider());
		named.add(claim.getInsurer());
		claim.getInsurance().forEach(insurance -> named.add(insurance.getCoverage()));
		for (Reference reference : named) {
			PacketParts.resolve(packet, reference, Resource.class).ifPresent(resource ->
					inquiry.addEntry().setFullUrl(entryOf(packet, resource).getFullUrl()).setResource(resource.copy()));
		}
		return inquiry;
	}

	private static Bundle.BundleEntryComponent entryOf(Bundle packet, Resource resource) {
		return packet.getEntry().stream().filter(entry -> entry.getResource() == resource).findFirst().orElse(null);
	}
}
