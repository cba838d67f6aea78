package dev.recourse.criteria;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;
import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.Multimap;
import dev.recourse.server.LocalRepositories;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Questionnaire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Puts the coverage policies shipped in {@code policies/Questionnaire-*.json} into the store at start-up:
 * each under its own id, and only when no Questionnaire with its url and version is there yet — so a policy
 * edited or versioned over the FHIR API is never put back by a restart, and several instances starting
 * together end with one copy. Each is checked against RecourseCoveragePolicy on the way in, like any write.
 */
@Component
class PolicyLibraryLoader {
	static final String LOCATION = "classpath:policies/Questionnaire-*.json";
	/** HAPI reuses a search's results for a minute; a policy added a moment ago must be found at once. */
	static final Map<String, String> UNCACHED = Map.of("Cache-Control", "no-cache");
	private static final Logger log = LoggerFactory.getLogger(PolicyLibraryLoader.class);
	private final FhirContext fhirContext;
	private final LocalRepositories repositories;

	PolicyLibraryLoader(FhirContext fhirContext, LocalRepositories repositories) {
		this.fhirContext = fhirContext;
		this.repositories = repositories;
	}

	@Order(20)
	@EventListener(ApplicationReadyEvent.class)
	void loadOnStartup() {
		int stored = 0;
		List<Questionnaire> shipped = shipped();
		for (Questionnaire policy : shipped) {
			stored += storeIfAbsent(policy) ? 1 : 0;
		}
		log.info("Coverage policies: {} shipped, {} stored now", shipped.size(), stored);
	}

	/** @return whether it was stored now (false: that url and version was there already, or storing failed) */
	boolean storeIfAbsent(Questionnaire policy) {
		IRepository store = repositories.forServer();
		try {
			if (exists(store, policy)) {
				return false;
			}
			store.update(policy);
			return true;
		} catch (RuntimeException e) {
			// a policy that does not conform, or another instance storing it right now: the server runs on
			log.warn("Coverage policy {} not stored: {}", policy.getIdElement().getIdPart(), e.getMessage());
			return false;
		}
	}

	private static boolean exists(IRepository store, Questionnaire policy) {
		Multimap<String, List<IQueryParameterType>> params = ArrayListMultimap.create();
		params.put("url", List.of(new UriParam(policy.getUrl())));
		params.put("version", List.of(new TokenParam(policy.getVersion())));
		return !store.search(Bundle.class, Questionnaire.class, params, UNCACHED).getEntry().isEmpty();
	}

	List<Questionnaire> shipped() {
		List<Questionnaire> policies = new ArrayList<>();
		for (Resource file : files()) {
			try (InputStream in = file.getInputStream()) {
				policies.add(fhirContext.newJsonParser().parseResource(Questionnaire.class, in));
			} catch (IOException | RuntimeException e) {
				log.warn("Coverage policy file {} not read: {}", file.getFilename(), e.getMessage());
			}
		}
		return policies;
	}

	private static Resource[] files() {
		try {
			return new PathMatchingResourcePatternResolver().getResources(LOCATION);
		} catch (IOException e) {
			return new Resource[0];
		}
	}
}
