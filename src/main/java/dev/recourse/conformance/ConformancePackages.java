package dev.recourse.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.validation.JpaValidationSupportChain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The FHIR packages and our profiles, read on a background thread from the moment this bean exists, so
 * that the ~12 s of reading (most of it HL7 terminology) overlaps the rest of start-up, and then put in
 * front of HAPI's JPA validation chain once start-up is done, before the server reports ready. Adding
 * to the chain makes HAPI reload every conformance resource, so it happens once, on the main thread.
 */
@Component
class ConformancePackages {
	private static final Logger log = LoggerFactory.getLogger(ConformancePackages.class);
	private final FhirContext fhirContext;
	private final CompletableFuture<NpmPackageValidationSupport> loading;
	private final CountDownLatch installed = new CountDownLatch(1);

	ConformancePackages(FhirContext fhirContext, ConformanceProperties settings, ProfileLibrary library) {
		this.fhirContext = fhirContext;
		this.loading = CompletableFuture.supplyAsync(() -> load(settings, library), ConformancePackages::daemon);
	}

	/** Waits for the packages to be read, then adds them to the chain; call once, at start-up. */
	void installInto(JpaValidationSupportChain chain) {
		chain.addValidationSupport(0, loading.join());
		chain.addValidationSupport(new VersionedCoreCanonicals(fhirContext, chain));
		chain.addValidationSupport(unknownCodeSystemsAsWarnings());
		chain.invalidateCaches();
		installed.countDown();
	}

	/** Blocks a validation that comes in before installation has finished. */
	void awaitInstalled() {
		try {
			installed.await();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the FHIR packages", e);
		}
	}

	private NpmPackageValidationSupport load(ConformanceProperties settings, ProfileLibrary library) {
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
				"Read {} FHIR packages and {} Recourse conformance resources in {} ms, in the background",
				settings.packages().size(),
				library.validationResources().size(),
				(System.nanoTime() - start) / 1_000_000);
		return packages;
	}

	/**
	 * X12, NCPDP, ICD-10-CM, HCPCS, CPT and RxNorm are licensed or too large to ship, and no terminology
	 * server is reachable: a code from a system we do not hold is reported as a warning, not an error.
	 * Codes from systems we do hold (ours, FHIR's, HL7 terminology) are still checked strictly.
	 */
	private UnknownCodeSystemWarningValidationSupport unknownCodeSystemsAsWarnings() {
		UnknownCodeSystemWarningValidationSupport support = new UnknownCodeSystemWarningValidationSupport(fhirContext);
		support.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
		return support;
	}

	private static void daemon(Runnable task) {
		Thread thread = new Thread(task, "fhir-package-reader");
		thread.setDaemon(true);
		thread.start();
	}
}
