package dev.recourse.security;

import dev.recourse.common.ServerInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Drops from search results what the caller may not read, before HAPI's authorization check would turn
 * the whole response into a 403. A 403 for an {@code _include}d or {@code _revinclude}d resource tells
 * the caller that something it may not see is linked to what it may; silence tells it nothing.
 */
@Interceptor
final class SearchResultFilter implements ServerInterceptor {
	private static final Set<RestOperationTypeEnum> SEARCHES =
			Set.of(RestOperationTypeEnum.SEARCH_TYPE, RestOperationTypeEnum.SEARCH_SYSTEM, RestOperationTypeEnum.GET_PAGE);

	private final ScopeAuthorization rules;

	SearchResultFilter(ScopeAuthorization rules) {
		this.rules = rules;
	}

	/** Ordered before HAPI's own check of the same resources (which has the default order, 0). */
	@Hook(value = Pointcut.STORAGE_PRESHOW_RESOURCES, order = -100)
	public void dropUnreadable(RequestDetails request, IPreResourceShowDetails resources, Pointcut pointcut) {
		if (Caller.of(request).isEmpty() || !SEARCHES.contains(request.getRestOperationType())) {
			return;
		}
		for (int i = 0; i < resources.size(); i++) {
			IBaseResource resource = resources.getResource(i);
			if (resource != null && !rules.mayRead(request, resource, pointcut)) {
				resources.setResource(i, null);
			}
		}
	}

}
