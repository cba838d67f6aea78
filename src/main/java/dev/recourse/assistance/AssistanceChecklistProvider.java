package dev.recourse.assistance;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.common.OperationProvider;
import dev.recourse.security.RequiresAccess;
import dev.recourse.security.SmartScope.Verb;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/** {@code Task/[id]/$assistance-checklist} (on the case) and {@code Task/[id]/$check-item} (on the checklist). */
@Component
class AssistanceChecklistProvider implements OperationProvider {
	static final String START = "http://recourse.dev/fhir/OperationDefinition/Task-assistance-checklist";
	static final String CHECK = "http://recourse.dev/fhir/OperationDefinition/Task-check-item";
	private final Checklists checklists;

	AssistanceChecklistProvider(Checklists checklists) {
		this.checklists = checklists;
	}

	@RequiresAccess(resourceType = "Task", verbs = {Verb.READ, Verb.CREATE, Verb.UPDATE})
	@RequiresAccess(resourceType = "ClaimResponse", verbs = Verb.READ)
	@Operation(name = "$assistance-checklist", type = Task.class, idempotent = false, canonicalUrl = START)
	@Description(shortDefinition = "Start (once) the application checklist for an assistance programme offered on the case")
	public Task start(@IdParam IdType caseId,
			@OperationParam(name = "program", min = 1, max = 1)
			@Description(shortDefinition = "The programme's id, as $offer-assistance lists it") StringType program,
			RequestDetails request) {
		return checklists.start(caseId, program == null ? null : program.getValue(), request);
	}

	@RequiresAccess(resourceType = "Task", verbs = {Verb.READ, Verb.UPDATE})
	@Operation(name = "$check-item", type = Task.class, idempotent = false, canonicalUrl = CHECK)
	@Description(shortDefinition = "Mark one item of an assistance application checklist done or not done")
	public Task check(@IdParam IdType checklistId,
			@OperationParam(name = "item", min = 1, max = 1)
			@Description(shortDefinition = "The item (assistance-document code)") CodeType item,
			@OperationParam(name = "done", min = 1, max = 1)
			@Description(shortDefinition = "Done (true) or not yet (false)") BooleanType done,
			RequestDetails request) {
		return checklists.check(checklistId, item == null ? null : item.getValue(), done == null ? null : done.getValue(), request);
	}
}
