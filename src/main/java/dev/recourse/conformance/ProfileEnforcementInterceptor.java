package dev.recourse.conformance;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.SingleValidationMessage;
import dev.recourse.common.RecourseError;
import dev.recourse.common.StorageInterceptor;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.stereotype.Component;

/**
 * A resource that claims one of our profiles is stored only if it conforms to it: on every create and
 * update, including entries of batches and transactions, which is why this sits on storage hooks and
 * not on the REST layer. A violation answers 422 with one issue per problem, each naming the element.
 */
@Component
@Interceptor
public class ProfileEnforcementInterceptor implements StorageInterceptor {
	private final ConformanceValidator validator;

	ProfileEnforcementInterceptor(ConformanceValidator validator) {
		this.validator = validator;
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void beforeCreate(IBaseResource resource) {
		enforce(resource);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void beforeUpdate(IBaseResource oldResource, IBaseResource newResource) {
		enforce(newResource);
	}

	private void enforce(IBaseResource resource) {
		boolean claimsOurProfile = resource.getMeta().getProfile().stream()
				.anyMatch(profile -> ProfileLibrary.isOurProfile(profile.getValue()));
		if (!claimsOurProfile) {
			return;
		}
		List<SingleValidationMessage> errors = validator.errors(resource);
		if (!errors.isEmpty()) {
			throw new UnprocessableEntityException(
					resource.fhirType() + " does not conform to the profiles it claims: " + errors.size() + " error(s)",
					outcome(errors));
		}
	}

	private static OperationOutcome outcome(List<SingleValidationMessage> errors) {
		OperationOutcome outcome = new OperationOutcome();
		for (SingleValidationMessage error : errors) {
			outcome.addIssue()
					.setSeverity(IssueSeverity.ERROR)
					.setCode(IssueType.PROCESSING)
					.setDiagnostics(error.getMessage())
					.setDetails(new CodeableConcept(new Coding(RecourseError.SYSTEM, RecourseError.UNPROCESSABLE.code(), null))
							.setText(error.getMessageId()))
					.addExpression(error.getLocationString());
		}
		return outcome;
	}
}
