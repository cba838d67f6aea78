package dev.recourse.packet;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.common.OperationProvider;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.security.RequiresAccess;
import dev.recourse.security.SmartScope.Verb;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/** {@code Task/[id]/$assemble-filing}: the packet of a filing past the plan (external review, IRE, fair hearing). */
@Component
class AssembleFilingProvider implements OperationProvider {
	static final String DEFINITION = "http://recourse.dev/fhir/OperationDefinition/Task-assemble-filing";
	private final FilingPacketAssembler assembler;

	AssembleFilingProvider(FilingPacketAssembler assembler) {
		this.assembler = assembler;
	}

	@RequiresAccess(resourceType = "Task", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Task", verbs = Verb.UPDATE)
	@RequiresAccess(resourceType = "ClaimResponse", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Patient", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Coverage", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Coverage", verbs = Verb.SEARCH)
	@RequiresAccess(resourceType = "QuestionnaireResponse", verbs = Verb.READ)
	@RequiresAccess(resourceType = "DocumentReference", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Bundle", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Bundle", verbs = Verb.CREATE)
	@RequiresAccess(resourceType = "Bundle", verbs = Verb.UPDATE)
	@Operation(name = "$assemble-filing", type = Task.class, idempotent = false, canonicalUrl = DEFINITION)
	@Description(shortDefinition = "Assemble the packet of a filing past the plan (external review, Part D IRE, fair hearing) as a document Bundle, validated")
	public Bundle assembleFiling(@IdParam IdType caseId,
			@OperationParam(name = "pathway", min = 1, max = 1) @Description(shortDefinition = "external-review | expedited-external-review | ire-reconsideration | state-fair-hearing") CodeType pathway,
			RequestDetails request) {
		if (pathway == null || !pathway.hasValue()) {
			throw new RecourseException(RecourseError.INVALID_INPUT, "pathway", "Parameter 'pathway' (code) is required");
		}
		return assembler.assemble(caseId, pathway.getValue(), request);
	}
}
