package dev.recourse.letter;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.common.OperationProvider;
import dev.recourse.security.RequiresAccess;
import dev.recourse.security.SmartScope.Verb;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/** {@code Task/[id]/$draft-letter}: the case's letter of medical necessity for a pathway, as a draft. */
@Component
class DraftLetterProvider implements OperationProvider {
	static final String DEFINITION = "http://recourse.dev/fhir/OperationDefinition/Task-draft-letter";
	private final LetterDrafter drafter;

	DraftLetterProvider(LetterDrafter drafter) {
		this.drafter = drafter;
	}

	@RequiresAccess(resourceType = "Task", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Task", verbs = Verb.UPDATE)
	@RequiresAccess(resourceType = "Patient", verbs = Verb.READ)
	@RequiresAccess(resourceType = "ClaimResponse", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Claim", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Coverage", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Coverage", verbs = Verb.SEARCH)
	@RequiresAccess(resourceType = "Organization", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Practitioner", verbs = Verb.READ)
	@RequiresAccess(resourceType = "QuestionnaireResponse", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Condition", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Observation", verbs = Verb.READ)
	@RequiresAccess(resourceType = "MedicationStatement", verbs = Verb.SEARCH)
	@RequiresAccess(resourceType = "DocumentReference", verbs = Verb.READ)
	@RequiresAccess(resourceType = "DocumentReference", verbs = Verb.CREATE)
	@RequiresAccess(resourceType = "DocumentReference", verbs = Verb.UPDATE)
	@Operation(name = "$draft-letter", type = Task.class, idempotent = false, canonicalUrl = DEFINITION)
	@Description(shortDefinition = "Draft the case's letter of medical necessity for a pathway from its denial, criteria map and chart")
	public DocumentReference draftLetter(@IdParam IdType caseId,
			@OperationParam(name = "pathway", min = 0, max = 1) @Description(shortDefinition = "The pathway; default the top eligible one") CodeType pathway,
			@OperationParam(name = "section", min = 0, max = OperationParam.MAX_UNLIMITED) @Description(shortDefinition = "The specialist's text for a section: parts name (opening | argument | closing) and text") List<Parameters.ParametersParameterComponent> sections,
			RequestDetails request) {
		List<LetterSections.Edit> edits = sections == null ? List.of() : sections.stream().map(DraftLetterProvider::edit).toList();
		return drafter.draft(caseId, Optional.ofNullable(pathway).map(CodeType::getValue), edits, request);
	}

	private static LetterSections.Edit edit(Parameters.ParametersParameterComponent section) {
		String name = null;
		String text = null;
		for (Parameters.ParametersParameterComponent part : section.getPart()) {
			if ("name".equals(part.getName()) && part.getValue() != null) {
				name = part.getValue().primitiveValue();
			} else if ("text".equals(part.getName()) && part.getValue() != null) {
				text = part.getValue().primitiveValue();
			}
		}
		return new LetterSections.Edit(name, text);
	}
}
