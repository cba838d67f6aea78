package dev.recourse.casework;

import dev.recourse.security.SmartScope.Verb;
import dev.recourse.security.RequiresAccess;
import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.common.OperationProvider;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/** {@code ClaimResponse/[id]/$open-case}: the denial's case Task, created on the first call. */
@Component
class OpenCaseProvider implements OperationProvider {
	static final String DEFINITION = "http://recourse.dev/fhir/OperationDefinition/ClaimResponse-open-case";
	private final CaseOpener opener;

	OpenCaseProvider(CaseOpener opener) {
		this.opener = opener;
	}

	@RequiresAccess(resourceType = "ClaimResponse", verbs = Verb.READ)
	@RequiresAccess(resourceType = "Task", verbs = Verb.CREATE)
	@RequiresAccess(resourceType = "Task", verbs = Verb.UPDATE)
	@Operation(name = "$open-case", type = ClaimResponse.class, idempotent = false, canonicalUrl = DEFINITION)
	@Description(shortDefinition = "Open the case for a denial, or return the one already open")
	public Task openCase(@IdParam IdType denialId, RequestDetails request) {
		return opener.open(denialId, request);
	}
}
