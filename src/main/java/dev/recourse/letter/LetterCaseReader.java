package dev.recourse.letter;

import dev.recourse.casework.CaseOutputs;
import dev.recourse.criteria.CriteriaMapItems;
import dev.recourse.casework.PlanRecords;
import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.Multimap;
import dev.recourse.criteria.offlabel.OffLabelReview;
import dev.recourse.server.Searches;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

/** Reads a case's letter sources through the caller's own repository (their scopes and compartment apply). */
final class LetterCaseReader {
	static final String ARTIFACT_TYPES = dev.recourse.casework.CaseOutputs.ARTIFACT_TYPES;
	static final String EVIDENCE = "http://recourse.dev/fhir/StructureDefinition/evidence";

	private LetterCaseReader() {
	}

	static LetterCase read(IRepository store, Task caseTask) {
		ClaimResponse denial = store.read(ClaimResponse.class, new IdType(caseTask.getFocus().getReference()));
		Patient patient = store.read(Patient.class, new IdType(caseTask.getFor().getReference()));
		Optional<Claim> request = local(denial.getRequest(), "Claim").flatMap(ref -> read(store, Claim.class, ref));
		Optional<QuestionnaireResponse> map = CaseOutputs.first(caseTask, "criteria-map").flatMap(ref -> read(store, QuestionnaireResponse.class, ref));
		map.ifPresent(qr -> nameAnswerAuthors(store, qr.getItem()));
		Map<String, Resource> cited = new LinkedHashMap<>();
		map.ifPresent(qr -> citedReferences(qr).forEach(ref -> {
			if (!cited.containsKey(ref)) {
				read(store, Resource.class, ref).ifPresent(resource -> cited.put(ref, resource));
			}
		}));
		return new LetterCase(caseTask, denial, patient,
				local(denial.getInsurer(), "Organization").flatMap(ref -> read(store, Organization.class, ref)),
				PlanRecords.caseCoverage(store, caseTask, denial), request, map, cited, episodes(store, patient),
				prescriber(store, request, map), peerToPeers(store, caseTask));
	}

	/**
	 * The case's peer-to-peer outcome Communications (part of the case Task, carrying the outcome extension), their
	 * participants named on these read copies from the records they reference, as the letter quotes them.
	 */
	private static List<Communication> peerToPeers(IRepository store, Task caseTask) {
		Multimap<String, List<IQueryParameterType>> params = ArrayListMultimap.create();
		params.put("part-of", List.of(new ReferenceParam("Task/" + caseTask.getIdElement().getIdPart())));
		List<Communication> outcomes = Searches.everyMatch(store, Communication.class, params).stream()
				.filter(communication -> communication.hasExtension(PeerToPeerFacts.OUTCOME_EXTENSION)).toList();
		outcomes.forEach(communication -> Stream.concat(Stream.of(communication.getSender()), communication.getRecipient().stream())
				.filter(party -> !party.hasDisplay()).forEach(party -> partyName(store, party).ifPresent(party::setDisplay)));
		return outcomes;
	}

	/** A referenced person's or organization's name, when the record is on this server and readable to the caller. */
	private static Optional<String> partyName(IRepository store, Reference party) {
		return practitioner(store, party).flatMap(ref -> read(store, Practitioner.class, ref))
				.flatMap(practitioner -> practitioner.getName().stream().findFirst()).map(PartyFacts::written)
				.or(() -> local(party, "Organization").flatMap(ref -> read(store, Organization.class, ref)).map(Organization::getName));
	}

	/**
	 * Names the people who answered criteria (the display of DTR information-origin's author reference, on this read
	 * copy only), so the letter says "Specialist's override (Priya Kaur)" rather than a resource id.
	 */
	private static void nameAnswerAuthors(IRepository store, List<QuestionnaireResponseItemComponent> items) {
		for (QuestionnaireResponseItemComponent item : items) {
			CriteriaMapItems.answerAuthors(item).stream().filter(author -> !author.hasDisplay())
					.forEach(author -> local(author, "Practitioner").flatMap(ref -> read(store, Practitioner.class, ref))
							.flatMap(practitioner -> practitioner.getName().stream().findFirst()).map(PartyFacts::written)
							.ifPresent(author::setDisplay));
			nameAnswerAuthors(store, item.getItem());
		}
	}

	/** Every reference the map cites: each answer's evidence, then the off-label review's. */
	static List<String> citedReferences(QuestionnaireResponse map) {
		List<String> references = new ArrayList<>();
		collect(map.getItem(), references);
		Extension review = map.getExtensionByUrl(OffLabelReview.URL);
		if (review != null) {
			Stream.concat(review.getExtensionsByUrl("evidence").stream(), review.getExtensionsByUrl("compendiaEvidence").stream())
					.map(Extension::getValue).filter(Reference.class::isInstance).map(value -> ((Reference) value).getReference())
					.filter(ref -> ref != null && !references.contains(ref)).forEach(references::add);
		}
		return references;
	}

	private static void collect(List<QuestionnaireResponseItemComponent> items, List<String> into) {
		for (QuestionnaireResponseItemComponent item : items) {
			item.getAnswer().forEach(answer -> answer.getExtensionsByUrl(EVIDENCE).stream().map(Extension::getValue)
					.filter(Reference.class::isInstance).map(value -> ((Reference) value).getReference())
					.filter(ref -> ref != null && !into.contains(ref)).forEach(into::add));
			collect(item.getItem(), into);
		}
	}

	private static List<MedicationStatement> episodes(IRepository store, Patient patient) {
		Multimap<String, List<IQueryParameterType>> params = ArrayListMultimap.create();
		params.put("subject", List.of(new ReferenceParam("Patient/" + patient.getIdElement().getIdPart())));
		params.put("category", List.of(new TokenParam(ARTIFACT_TYPES, "prior-therapy-episode")));
		return store.search(Bundle.class, MedicationStatement.class, params).getEntry().stream()
				.map(Bundle.BundleEntryComponent::getResource).map(MedicationStatement.class::cast).toList();
	}

	/**
	 * The prescriber: the denied request's provider, else its care team's, else the map's author — a Practitioner on
	 * file, named directly or through a PractitionerRole (as PAS care teams name them).
	 */
	private static Optional<Practitioner> prescriber(IRepository store, Optional<Claim> request, Optional<QuestionnaireResponse> map) {
		List<Reference> candidates = new ArrayList<>();
		request.ifPresent(claim -> {
			candidates.add(claim.getProvider());
			claim.getCareTeam().forEach(member -> candidates.add(member.getProvider()));
		});
		map.ifPresent(qr -> candidates.add(qr.getAuthor()));
		return candidates.stream().flatMap(ref -> practitioner(store, ref).stream()).findFirst()
				.flatMap(ref -> read(store, Practitioner.class, ref));
	}

	private static Optional<String> practitioner(IRepository store, Reference reference) {
		return local(reference, "Practitioner").or(() -> local(reference, "PractitionerRole")
				.flatMap(role -> read(store, PractitionerRole.class, role))
				.flatMap(role -> local(role.getPractitioner(), "Practitioner")));
	}

	/** A relative reference to a resource of the type on this server; absolute or logical ones are not read. */
	static Optional<String> local(Reference reference, String type) {
		if (reference == null || !reference.hasReference()) {
			return Optional.empty();
		}
		IdType id = new IdType(reference.getReference());
		return !id.isAbsolute() && type.equals(id.getResourceType()) && id.hasIdPart()
				? Optional.of(type + "/" + id.getIdPart()) : Optional.empty();
	}

	@SuppressWarnings("unchecked")
	private static <T extends IBaseResource> Optional<T> read(IRepository store, Class<T> type, String reference) {
		try {
			IdType id = new IdType(reference).toUnqualifiedVersionless();
			if (type == Resource.class) {
				Class<? extends IBaseResource> actual = store.fhirContext().getResourceDefinition(id.getResourceType()).getImplementingClass();
				return Optional.of((T) store.read(actual, id));
			}
			return Optional.of(store.read(type, id));
		} catch (BaseServerResponseException | ca.uhn.fhir.parser.DataFormatException gone) {
			// not on this server, deleted, or not readable to this caller: the letter leaves the fact unknown
			return Optional.empty();
		}
	}
}
