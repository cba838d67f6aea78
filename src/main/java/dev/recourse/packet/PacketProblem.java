package dev.recourse.packet;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import dev.recourse.common.OperationOutcomes;
import dev.recourse.common.RecourseError;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Why a case cannot be sent yet.
 *
 * @param element FHIRPath of what is missing or wrong (e.g. {@code DocumentReference.authenticator})
 * @param message what is wrong and what to do; never patient data
 */
record PacketProblem(String element, String message) {

	/** One 422 listing every problem, each an issue with its element. */
	static UnprocessableEntityException unprocessable(String what, List<PacketProblem> problems) {
		OperationOutcome outcome = OperationOutcomes.error(RecourseError.UNPROCESSABLE, problems.get(0).element(), problems.get(0).message());
		for (PacketProblem problem : problems.subList(1, problems.size())) {
			outcome.addIssue(OperationOutcomes.error(RecourseError.UNPROCESSABLE, problem.element(), problem.message()).getIssueFirstRep());
		}
		return new UnprocessableEntityException(what + ": " + problems.size() + " problem(s)", outcome);
	}
}
