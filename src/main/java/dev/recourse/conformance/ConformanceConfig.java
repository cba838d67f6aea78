package dev.recourse.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.validation.JpaValidationSupportChain;
import ca.uhn.fhir.validation.FhirValidator;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Our validator works on HAPI's JPA validation chain, the same one {@code $validate} uses, into which
 * {@link ConformancePackages} puts the FHIR packages and our profiles; so both see the same definitions.
 */
@Configuration
class ConformanceConfig {

	@Bean
	FhirValidator profileValidator(FhirContext fhirContext, JpaValidationSupportChain chain) {
		FhirInstanceValidator module = new FhirInstanceValidator(chain);
		module.setAnyExtensionsAllowed(true);
		return fhirContext.newValidator().registerValidatorModule(module);
	}
}
