package dev.recourse.metrics;

import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import dev.recourse.server.LocalRepositories;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * The resources a row needs beside the one written, read as the server in the write's own transaction (so a Claim
 * stored in the same PAS transaction is seen): the case's denial, a payer answer's request Claim and payer. What cannot
 * be read leaves its columns empty rather than failing the write.
 */
@Component
class MetricsSources {
	private final LocalRepositories repositories;

	MetricsSources(LocalRepositories repositories) {
		this.repositories = repositories;
	}

	Optional<ClaimResponse> denialOf(Task caseTask) {
		return read(ClaimResponse.class, caseTask.getFocus());
	}

	Optional<Claim> requestOf(ClaimResponse response) {
		return read(Claim.class, response.getRequest());
	}

	/** The payer's key: the insurer reference's identifier, else the stored Organization's. */
	String payerOf(ClaimResponse response) {
		Reference insurer = response.getInsurer();
		if (insurer.hasIdentifier() || !insurer.hasReference()) {
			return OrgKeys.of(insurer);
		}
		return read(Organization.class, insurer).map(OrgKeys::of).orElse(OrgKeys.of(insurer));
	}

	private <T extends IBaseResource> Optional<T> read(Class<T> type, Reference reference) {
		IdType id = new IdType(reference.getReference() == null ? "" : reference.getReference());
		if (!id.hasIdPart() || id.isAbsolute() || !type.getSimpleName().equals(id.getResourceType())) {
			return Optional.empty();
		}
		try {
			return Optional.of(repositories.forServer().read(type, id.toUnqualifiedVersionless()));
		} catch (ResourceNotFoundException | ResourceGoneException notThere) {
			// anything else (a conflict from flushing the write itself, when two requests create one id) fails the write
			// as it is: swallowed, it left the transaction marked rollback-only and the caller a 500 instead of a 409
			return Optional.empty();
		}
	}
}
