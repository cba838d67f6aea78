package dev.recourse.ehr.fake;

import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;

/**
 * Read, and search by patient with an optional {@code category} and {@code code} (each an OR list of {@code system|code}
 * or {@code code}), for Observation, Condition and DocumentReference.
 */
final class CategorySearchProvider extends StoredTypeProvider {
	CategorySearchProvider(ChartStore store, Class<? extends IBaseResource> type, String typeName) {
		super(store, type, typeName);
	}

	@Search
	public IBundleProvider search(
			@OptionalParam(name = "patient") ReferenceParam patient,
			@OptionalParam(name = "subject") ReferenceParam subject,
			@OptionalParam(name = "category") TokenOrListParam category,
			@OptionalParam(name = "code") TokenOrListParam code) {
		String patientId = patientId(patient, subject);
		List<IBaseResource> found = store.find(typeName(), resource -> store.belongsTo(resource, patientId)
				&& anyMatch(resource, "category", category) && anyMatch(resource, "code", code));
		return page(found);
	}

	private boolean anyMatch(IBaseResource resource, String element, TokenOrListParam tokens) {
		if (tokens == null || tokens.getValuesAsQueryTokens().isEmpty()) {
			return true;
		}
		List<Coding> codings = store.terser().getValues(resource, typeName() + "." + element + ".coding", Coding.class);
		return tokens.getValuesAsQueryTokens().stream().anyMatch(token -> codings.stream().anyMatch(c -> matches(token, c)));
	}

	private static boolean matches(TokenParam token, Coding coding) {
		boolean systemMatches = token.getSystem() == null || token.getSystem().isEmpty()
				|| token.getSystem().equals(coding.getSystem());
		return systemMatches && token.getValue() != null && token.getValue().equals(coding.getCode());
	}
}
