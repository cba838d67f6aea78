package dev.recourse.demo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import org.hl7.fhir.r4.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the third-party demo bundles as they are (called by {@link DemoStartup}): read → make idempotent → run as one
 * transaction per file. A failing file is logged and skipped; the server runs without it.
 */
@Component
@Conditional(DemoCondition.class)
class DemoDataLoader {
	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
	private final DemoProperties settings;
	private final FhirContext fhirContext;
	private final IFhirSystemDao<Bundle, ?> systemDao;

	DemoDataLoader(DemoProperties settings, FhirContext fhirContext, IFhirSystemDao<Bundle, ?> systemDao) {
		this.settings = settings;
		this.fhirContext = fhirContext;
		this.systemDao = systemDao;
	}

	/** @return how many files were loaded */
	int load() {
		int loaded = 0;
		for (Resource file : demoFiles()) {
			if (loadFile(file)) {
				loaded++;
			}
		}
		return loaded;
	}

	private boolean loadFile(Resource file) {
		long start = System.nanoTime();
		try (InputStream in = file.getInputStream()) {
			Bundle bundle = fhirContext.newJsonParser().parseResource(Bundle.class, in);
			systemDao.transaction(new SystemRequestDetails(), IdempotentTransaction.of(bundle));
			log.info("Demo data {} loaded in {} ms", file.getFilename(), (System.nanoTime() - start) / 1_000_000);
			return true;
		} catch (IOException | RuntimeException e) {
			// Another instance may be loading the same ids right now; the data ends up the same either way.
			log.warn("Demo data {} not loaded: {}", file.getFilename(), e.getClass().getSimpleName());
			return false;
		}
	}

	private Resource[] demoFiles() {
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources(settings.location());
			Arrays.sort(files, Comparator.comparing(Resource::getFilename));
			return files;
		} catch (IOException e) {
			log.warn("Demo data not found at {}", settings.location());
			return new Resource[0];
		}
	}
}
