package dev.recourse.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.searchparam.matcher.AuthorizationSearchParamMatcher;
import ca.uhn.fhir.jpa.searchparam.matcher.SearchParamMatcher;
import dev.recourse.common.OperationProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HAPI side of security: scope checks, search narrowing, scope rules and result filtering. */
@Configuration
@ConditionalOnProperty(name = "recourse.security.enforce", havingValue = "true", matchIfMissing = true)
class AuthorizationConfig {

	@Bean
	PatientCompartment patientCompartment(FhirContext fhirContext) {
		return new PatientCompartment(fhirContext);
	}

	@Bean
	OperationAccess operationAccess(ObjectProvider<OperationProvider> providers) {
		return OperationAccess.of(providers.orderedStream().toList());
	}

	@Bean
	ScopeGate scopeGate(OperationAccess operations) {
		return new ScopeGate(operations);
	}

	@Bean
	SearchNarrowing searchNarrowing(PatientCompartment compartment) {
		return new SearchNarrowing(compartment);
	}

	@Bean
	ScopeAuthorization scopeAuthorization(
			PatientCompartment compartment, OperationAccess operations, SearchParamMatcher matcher) {
		ScopeAuthorization authorization = new ScopeAuthorization(new ScopeRules(compartment, operations.names()));
		authorization.setAuthorizationSearchParamMatcher(new AuthorizationSearchParamMatcher(matcher));
		return authorization;
	}

	@Bean
	WriteResponseFilter writeResponseFilter(ScopeAuthorization authorization) {
		return new WriteResponseFilter(authorization);
	}

	@Bean
	SearchResultFilter searchResultFilter(ScopeAuthorization authorization) {
		return new SearchResultFilter(authorization);
	}
}
