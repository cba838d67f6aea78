package dev.recourse.payer;

import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.server.LocalRepositories;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * {@code $decide}'s {@code reviewer} as PAS records it: {@code extension-claimResponseReviewer} with
 * wasHumanReviewedFlag and the reviewer's NPI — given on the reference, or read from the Practitioner (or the
 * PractitionerRole's Practitioner) on this server. A reviewer reference that resolves to nobody is refused.
 */
@Component
class DecisionReviewers {
	private final LocalRepositories repositories;

	DecisionReviewers(LocalRepositories repositories) {
		this.repositories = repositories;
	}

	Optional<Extension> of(Reference reviewer) {
		if (reviewer == null || reviewer.isEmpty()) {
			return Optional.empty();
		}
		Extension recorded = new Extension(Pas.CLAIM_RESPONSE_REVIEWER);
		recorded.addExtension("wasHumanReviewedFlag", new BooleanType(true));
		npi(reviewer).ifPresent(npi -> recorded.addExtension("reviewerNPI", npi));
		return Optional.of(recorded);
	}

	private Optional<Identifier> npi(Reference reviewer) {
		if (Pas.NPI.equals(reviewer.getIdentifier().getSystem()) && reviewer.getIdentifier().hasValue()) {
			return Optional.of(reviewer.getIdentifier().copy());
		}
		if (!reviewer.hasReference()) {
			return Optional.empty();
		}
		IdType id = new IdType(reviewer.getReference());
		try {
			return switch (String.valueOf(id.getResourceType())) {
				case "Practitioner" -> npi(practitioner(id).getIdentifier());
				case "PractitionerRole" -> practitionerOfRole(id).flatMap(practitioner -> npi(practitioner.getIdentifier()));
				default -> throw new RecourseException(RecourseError.INVALID_INPUT, "reviewer",
						"reviewer must be a Practitioner or PractitionerRole; got " + reviewer.getReference());
			};
		} catch (ResourceNotFoundException | ResourceGoneException none) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, "reviewer", "reviewer " + reviewer.getReference()
					+ " is not on this server; name the reviewer by reference to a stored Practitioner or by NPI identifier");
		}
	}

	private Practitioner practitioner(IdType id) {
		return repositories.forServer().read(Practitioner.class, new IdType("Practitioner", id.getIdPart()));
	}

	private Optional<Practitioner> practitionerOfRole(IdType id) {
		PractitionerRole role = repositories.forServer().read(PractitionerRole.class, new IdType("PractitionerRole", id.getIdPart()));
		return role.getPractitioner().hasReference()
				? Optional.of(practitioner(new IdType(role.getPractitioner().getReference()))) : Optional.empty();
	}

	private static Optional<Identifier> npi(List<Identifier> identifiers) {
		return identifiers.stream().filter(identifier -> Pas.NPI.equals(identifier.getSystem()) && identifier.hasValue())
				.map(identifier -> new Identifier().setSystem(identifier.getSystem()).setValue(identifier.getValue())).findFirst();
	}
}
