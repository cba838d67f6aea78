package dev.recourse.denial.triage;

import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.denial.DecisionLevel;
import dev.recourse.server.LocalRepositories;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.springframework.stereotype.Service;

/**
 * {@code $triage}: resolve the denial and its Coverage (given, or read from the store by the denial's
 * {@code insurance.coverage} reference) → check the parameters → triage → write the Parameters.
 */
@Service
public class TriageService {
	private final DenialTriage triage;
	private final LocalRepositories repositories;

	TriageService(DenialTriage triage, LocalRepositories repositories) {
		this.triage = triage;
		this.repositories = repositories;
	}

	/** A stored denial with its stored Coverage, at the initial level, as of now: what opening a case needs. */
	public Triage triageStored(ClaimResponse denial, RequestDetails request) {
		Coverage coverage = storedCoverage(denial, repositories.forRequest(request));
		return triage.triage(TriageRequest.of(denial, coverage, null));
	}

	Parameters triage(TriageInput input, RequestDetails request) {
		IRepository store = repositories.forRequest(request);
		ClaimResponse denial = denial(input, store);
		Coverage coverage = input.coverage() != null ? input.coverage() : storedCoverage(denial, store);
		return TriageWriter.write(triage.triage(new TriageRequest(
				denial,
				coverage,
				value(input.letterText()),
				receivedDate(input),
				input.decisionLevel() == null ? null : DecisionLevel.fromCode(input.decisionLevel().getValue()),
				input.urgent() == null ? null : input.urgent().getValue(),
				asOf(input))));
	}

	private static ClaimResponse denial(TriageInput input, IRepository store) {
		if (input.denialId() != null) {
			if (input.denial() != null) {
				throw new RecourseException(RecourseError.INVALID_INPUT, "denial",
						"Give the denial either as the ClaimResponse the operation is called on or as the 'denial' parameter, not both");
			}
			return store.read(ClaimResponse.class, new IdType("ClaimResponse", input.denialId().getIdPart()));
		}
		if (input.denial() == null) {
			throw new RecourseException(RecourseError.INVALID_INPUT, "denial",
					"Parameter 'denial' (a ClaimResponse) is required when $triage is called on the ClaimResponse type");
		}
		return input.denial();
	}

	/** The Coverage the denial points at, when it is in our store; otherwise triage asks about the plan. */
	private static Coverage storedCoverage(ClaimResponse denial, IRepository store) {
		for (ClaimResponse.InsuranceComponent insurance : denial.getInsurance()) {
			Reference reference = insurance.getCoverage();
			if (reference.getResource() instanceof Coverage contained) {
				return contained;
			}
			if (reference.hasReference() && reference.getReferenceElement().getResourceType() != null
					&& "Coverage".equals(reference.getReferenceElement().getResourceType())
					&& !reference.getReferenceElement().isAbsolute()) {
				try {
					return store.read(Coverage.class, new IdType("Coverage", reference.getReferenceElement().getIdPart()));
				} catch (ResourceNotFoundException notStored) {
					return null;
				}
			}
		}
		return null;
	}

	private static LocalDate receivedDate(TriageInput input) {
		return input.receivedDate() == null || input.receivedDate().getValue() == null
				? null
				: LocalDate.parse(input.receivedDate().getValueAsString());
	}

	private static ZonedDateTime asOf(TriageInput input) {
		if (input.asOf() == null || input.asOf().getValue() == null) {
			return null;
		}
		return input.asOf().getValue().toInstant().atZone(
				input.asOf().getTimeZone() == null ? ZoneOffset.UTC : input.asOf().getTimeZone().toZoneId());
	}

	private static String value(PrimitiveType<String> text) {
		return text == null ? null : text.getValue();
	}
}
