package dev.recourse.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import ca.uhn.fhir.jpa.validation.JpaValidationSupportChain;
import ca.uhn.fhir.validation.FhirValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the FHIR packages and our profiles in front of HAPI's JPA validation chain, so {@code $validate}
 * and our enforcement see the same definitions, all from the server's own resources (no download).
 */
@Configuration
class ConformanceConfig {
	private static final Logger log = LoggerFactory.getLogger(ConformanceConfig.class);

	@Bean
	NpmPackageValidationSupport conformancePackages(
			FhirContext fhirContext, ConformanceProperties settings, ProfileLibrary library) {
		long start = System.nanoTime();
		NpmPackageValidationSupport packages = new NpmPackageValidationSupport(fhirContext);
		for (String location : settings.packages()) {
			try {
				packages.loadPackageFromClasspath(location);
			} catch (IOException e) {
				throw new UncheckedIOException("Cannot load FHIR package " + location, e);
			}
		}
		library.validationResources().forEach(packages::addResource);
		log.info(
				"Loaded {} FHIR packages and {} Recourse conformance resources in {} ms",
				settings.packages().size(),
				library.conformanceResources().size(),
				(System.nanoTime() - start) / 1_000_000);
		return packages;
	}

	/**
	 * X12, NCPDP, ICD-10-CM, HCPCS, CPT and RxNorm are licensed or too large to ship, and no terminology
	 * server is reachable: a code from a system we do not hold is reported as a warning, not an error.
	 * Codes from systems we do hold (ours, FHIR's, HL7 terminology) are still checked strictly.
	 */
	private static UnknownCodeSystemWarningValidationSupport unknownCodeSystemsAsWarnings(FhirContext fhirContext) {
		UnknownCodeSystemWarningValidationSupport support = new UnknownCodeSystemWarningValidationSupport(fhirContext);
		support.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
		return support;
	}

	@Bean
	FhirValidator profileValidator(
			FhirContext fhirContext, JpaValidationSupportChain chain, NpmPackageValidationSupport packages) {
		chain.addValidationSupport(0, packages);
		chain.addValidationSupport(unknownCodeSystemsAsWarnings(fhirContext));
		chain.invalidateCaches();
		FhirInstanceValidator module = new FhirInstanceValidator(chain);
		module.setAnyExtensionsAllowed(true);
		return fhirContext.newValidator().registerValidatorModule(module);
	}
}
