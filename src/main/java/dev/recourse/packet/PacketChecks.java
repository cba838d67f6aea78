package dev.recourse.packet;

import dev.recourse.casework.PlanRecords;
import dev.recourse.criteria.CriteriaMapItems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * What must be true before a case is sent, each failure named with what to do: a criteria map whose every
 * criterion not met or unknown carries a specialist's answer, a letter signed off by the prescriber, a pathway
 * the plan takes as a PAS request, the payer's review number, the member id, the payer and the provider; and,
 * when the denied request is not on file, what building the request from the case needs ({@link ScratchRequest}).
 */
final class PacketChecks {
	static final String PATHWAY = "http://recourse.dev/fhir/StructureDefinition/pathway";

	private PacketChecks() {
	}

	static List<PacketProblem> check(CaseFile file, RequestItemRules rules) {
		List<PacketProblem> problems = new ArrayList<>();
		if (file.map().isEmpty()) {
			problems.add(new PacketProblem("Task.output", "The case has no criteria map: run $map-criteria first"));
		}
		file.map().ifPresent(map -> unexplained(map.getItem(), problems));
		if (file.letter().isEmpty()) {
			problems.add(new PacketProblem("Task.output", "The case has no letter: run $draft-letter first"));
		} else if (!file.letter().get().hasAuthenticator()) {
			problems.add(new PacketProblem("DocumentReference.authenticator",
					"The letter is not signed off by the prescriber: a packet is assembled from a signed letter only"));
		}
		String pathway = pathway(file).orElse(null);
		if (pathway == null) {
			problems.add(new PacketProblem("Task.extension:pathway", "The case names no pathway: triage the denial or draft the letter for a pathway"));
		} else if (PacketKind.of(pathway).isEmpty()) {
			problems.add(new PacketProblem("Task.extension:pathway", "Pathway " + pathway
					+ " is not sent to the plan as a PAS request; only internal appeals and exceptions are"));
		}
		if (file.originalRequest().isEmpty()) {
			problems.addAll(ScratchRequest.problems(file, rules));
		}
		// with the request on file or not: an appeal's items must name the denied review (RecourseAppealRequest), and without
		// the request (and no request identifier on the denial) this number is also what identifies the denied request
		if (PlanRecords.reviewNumber(file.denial()).isEmpty()) {
			problems.add(new PacketProblem("ClaimResponse.preAuthRef", "The denial carries no review reference number (PAS reviewAction number, "
					+ "preAuthRef or identifier) for the appeal to name"));
		}
		memberId(file, problems);
		if (!file.denial().getInsurer().hasReference()) {
			problems.add(new PacketProblem("ClaimResponse.insurer", "The denial names no payer Organization on file"));
		}
		if (file.originalRequest().map(claim -> !claim.getProvider().hasReference()).orElse(!file.denial().getRequestor().hasReference())) {
			problems.add(new PacketProblem("ClaimResponse.requestor", "Neither the denied request nor the denial names the requesting provider on file"));
		}
		return problems;
	}

	/** The letter's pathway, else the first the case ranks. */
	static Optional<String> pathway(CaseFile file) {
		return file.letter().map(letter -> letter.getExtensionByUrl(PATHWAY)).flatMap(PacketChecks::code)
				.or(() -> Optional.ofNullable(file.caseTask().getExtensionByUrl(PATHWAY)).flatMap(PacketChecks::code));
	}

	private static Optional<String> code(Extension extension) {
		return extension != null && extension.getValue() instanceof CodeableConcept concept
				? Optional.ofNullable(concept.getCodingFirstRep().getCode()) : Optional.empty();
	}

	private static void unexplained(List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items, List<PacketProblem> problems) {
		for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : items) {
			String status = CriteriaMapItems.status(item);
			if (CriteriaMapItems.isCriterion(item) && !"met".equals(status) && !CriteriaMapItems.answeredByPerson(item)) {
				problems.add(new PacketProblem("QuestionnaireResponse.item.where(linkId='" + item.getLinkId() + "')",
						"Criterion " + CriteriaMapItems.criterionId(item).orElse(item.getLinkId()) + " is " + status
								+ " and no specialist has answered it: answer or override it in the criteria map, with the explanation in the letter"));
			}
			unexplained(item.getItem(), problems);
		}
	}

	private static void memberId(CaseFile file, List<PacketProblem> problems) {
		if (file.coverage().isEmpty()) {
			problems.add(new PacketProblem("Coverage", "No Coverage of the patient is on file: the plan needs the member id"));
			return;
		}
		boolean memberId = PlanRecords.typedMemberIdentifier(file.coverage().get()).isPresent();
		if (!memberId) {
			problems.add(new PacketProblem("Coverage.identifier", "The Coverage has no member id (identifier of type MB): add it to the Coverage"));
		}
	}
}
