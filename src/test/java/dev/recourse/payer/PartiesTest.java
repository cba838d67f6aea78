package dev.recourse.payer;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class PartiesTest {

	@Test
	void guidesInquiry_namesTheReferralsMemberAndProvider() {
		Parties request = Parties.of(PasFixtures.referral());
		Parties inquiry = Parties.of(PasFixtures.bundle(PasFixtures.INQUIRY));

		assertThat(inquiry.member()).extracting(Identifier::getValue).contains("12345678901", "1122334455");
		assertThat(inquiry.providers()).extracting(Identifier::getValue).contains("8189991234");
		assertThat(inquiry.sameMember(request)).isTrue();
		assertThat(inquiry.shareProvider(request)).isTrue();
		assertThat(inquiry.claim()).anyMatch(asked -> request.claim().stream().anyMatch(sent -> Parties.same(asked, sent)));
	}

	@Test
	void careTeamPractitioners_countAsProviders() {
		Parties request = Parties.of(PasFixtures.referral());

		assertThat(request.providers().size()).isGreaterThan(1);
	}

	@Test
	void submitter_isTheClaimsProvider_notItsCareTeam() {
		Bundle referral = PasFixtures.referral();

		assertThat(Parties.submitter(referral)).extracting(identifier -> identifier.getSystem() + "|" + identifier.getValue())
				.containsExactly("http://hl7.org/fhir/sid/us-npi|8189991234");
	}

	@Test
	void submitter_ofAPractitionerRole_includesItsOrganization() {
		Bundle referral = PasFixtures.referral();
		org.hl7.fhir.r4.model.Claim claim = (org.hl7.fhir.r4.model.Claim) referral.getEntryFirstRep().getResource();
		claim.setProvider(new Reference("PractitionerRole/ReferralPractitionerRoleExample"));
		referral.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(org.hl7.fhir.r4.model.PractitionerRole.class::isInstance).map(org.hl7.fhir.r4.model.PractitionerRole.class::cast)
				.forEach(role -> role.setOrganization(new Reference("Organization/UMOExample")));

		assertThat(Parties.submitter(referral)).extracting(Identifier::getValue).containsExactly("8189991234");
	}

	@Test
	void identifiers_areTheSame_bySystem_byAssigner_orWithoutASystem() {
		Identifier trace = new Identifier().setSystem("urn:trnorg:9012345678").setValue("111099")
				.setAssigner(new Reference().setIdentifier(new Identifier().setSystem("urn:users").setValue("9012345678")));
		Identifier sameAssigner = new Identifier().setSystem("http://example.org/TRACE").setValue("111099")
				.setAssigner(new Reference().setIdentifier(new Identifier().setSystem("urn:users").setValue("9012345678")));
		Identifier otherSystem = new Identifier().setSystem("http://example.org/TRACE").setValue("111099");
		Identifier noSystem = new Identifier().setValue("111099");

		assertThat(Parties.same(trace, sameAssigner)).isTrue();
		assertThat(Parties.same(trace, otherSystem)).isFalse();
		assertThat(Parties.same(trace, noSystem)).isTrue();
		assertThat(Parties.same(trace, new Identifier().setSystem("urn:trnorg:9012345678").setValue("111098"))).isFalse();
	}

	@Test
	void anotherMember_isNotTheSame() {
		Bundle other = PasFixtures.bundle(PasFixtures.INQUIRY);
		other.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(org.hl7.fhir.r4.model.Patient.class::isInstance).map(org.hl7.fhir.r4.model.Patient.class::cast)
				.forEach(patient -> patient.getIdentifierFirstRep().setValue("0"));
		other.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(org.hl7.fhir.r4.model.Coverage.class::isInstance).map(org.hl7.fhir.r4.model.Coverage.class::cast)
				.forEach(coverage -> coverage.setSubscriberId("0"));

		assertThat(Parties.of(other).sameMember(Parties.of(PasFixtures.referral()))).isFalse();
	}
}
