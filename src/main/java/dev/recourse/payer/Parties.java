package dev.recourse.payer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Who a PAS request or inquiry Bundle is about and from, as identifiers: the member (the Claim's patient's
 * identifiers, and the subscriber id and identifiers of its Coverage), the providers (the Claim's provider and its
 * care team — the ordering and rendering providers — with, for a PractitionerRole, its practitioner's and
 * organization's) and the Claim's own identifiers.
 */
record Parties(List<Identifier> member, List<Identifier> providers, List<Identifier> claim) {

	static Parties of(Bundle bundle) {
		BundleIndex index = new BundleIndex(bundle);
		Claim claim = (Claim) bundle.getEntryFirstRep().getResource();
		List<Identifier> member = new ArrayList<>();
		resolve(index, claim.getPatient(), 0).filter(Patient.class::isInstance).map(Patient.class::cast)
				.ifPresent(patient -> member.addAll(patient.getIdentifier()));
		for (Claim.InsuranceComponent insurance : claim.getInsurance()) {
			resolve(index, insurance.getCoverage(), 0).filter(Coverage.class::isInstance).map(Coverage.class::cast).ifPresent(coverage -> {
				member.addAll(coverage.getIdentifier());
				if (coverage.hasSubscriberId()) {
					member.add(new Identifier().setValue(coverage.getSubscriberId()));
				}
			});
		}
		List<Identifier> providers = new ArrayList<>(providerIdentifiers(index, claim.getProvider()));
		claim.getCareTeam().forEach(teamMember -> providers.addAll(providerIdentifiers(index, teamMember.getProvider())));
		return new Parties(withValues(member), withValues(providers), withValues(claim.getIdentifier()));
	}

	/**
	 * The organization a request comes from, as identifiers: the Claim's provider's own, and for a PractitionerRole its
	 * organization's. Not the care team's: they render the service, they did not send the request.
	 */
	static List<Identifier> submitter(Bundle bundle) {
		BundleIndex index = new BundleIndex(bundle);
		Claim claim = (Claim) bundle.getEntryFirstRep().getResource();
		List<Identifier> identifiers = new ArrayList<>();
		index.resolve(claim.getProvider().getReference(), 0).ifPresent(at -> {
			Resource provider = index.entry(at).getResource();
			identifiers.addAll(identifiersOf(provider));
			if (provider instanceof PractitionerRole role) {
				resolve(index, role.getOrganization(), at).ifPresent(organization -> identifiers.addAll(identifiersOf(organization)));
			}
		});
		return withValues(identifiers);
	}

	/** Whether the two name one member: an identifier of the same value, in the same system or where either names none. */
	boolean sameMember(Parties other) {
		return anyMatch(member, other.member);
	}

	/** Whether the two share a provider: an identifier (the NPI, in practice) of the same system and value. */
	boolean shareProvider(Parties other) {
		return providers.stream().anyMatch(mine -> other.providers.stream()
				.anyMatch(theirs -> mine.hasSystem() && mine.getSystem().equals(theirs.getSystem()) && mine.getValue().equals(theirs.getValue())));
	}

	/**
	 * Whether two identifiers name the same thing: same value, and the same system, or the same assigner (a trace
	 * number's originator, which PAS's examples name in either place), or no system on either side.
	 */
	static boolean same(Identifier a, Identifier b) {
		if (!a.getValue().equals(b.getValue())) {
			return false;
		}
		if (!a.hasSystem() || !b.hasSystem() || a.getSystem().equals(b.getSystem())) {
			return true;
		}
		Identifier assignerA = a.getAssigner().getIdentifier();
		Identifier assignerB = b.getAssigner().getIdentifier();
		return assignerA.hasValue() && assignerA.getValue().equals(assignerB.getValue())
				&& (assignerA.hasSystem() ? assignerA.getSystem().equals(assignerB.getSystem()) : !assignerB.hasSystem());
	}

	private static boolean anyMatch(List<Identifier> mine, List<Identifier> theirs) {
		return mine.stream().anyMatch(a -> theirs.stream().anyMatch(b -> same(a, b)));
	}

	private static List<Identifier> providerIdentifiers(BundleIndex index, Reference reference) {
		List<Identifier> identifiers = new ArrayList<>();
		Optional<Integer> at = index.resolve(reference.getReference(), 0);
		if (at.isEmpty()) {
			return identifiers;
		}
		Resource provider = index.entry(at.get()).getResource();
		identifiers.addAll(identifiersOf(provider));
		if (provider instanceof PractitionerRole role) {
			resolve(index, role.getPractitioner(), at.get()).ifPresent(practitioner -> identifiers.addAll(identifiersOf(practitioner)));
			resolve(index, role.getOrganization(), at.get()).ifPresent(organization -> identifiers.addAll(identifiersOf(organization)));
		}
		return identifiers;
	}

	private static List<Identifier> identifiersOf(Resource resource) {
		if (resource instanceof Organization organization) {
			return organization.getIdentifier();
		}
		if (resource instanceof Practitioner practitioner) {
			return practitioner.getIdentifier();
		}
		if (resource instanceof PractitionerRole role) {
			return role.getIdentifier();
		}
		return List.of();
	}

	private static Optional<Resource> resolve(BundleIndex index, Reference reference, int from) {
		return index.resolve(reference.getReference(), from).map(at -> index.entry(at).getResource());
	}

	private static List<Identifier> withValues(List<Identifier> identifiers) {
		return identifiers.stream().filter(Identifier::hasValue).toList();
	}
}
