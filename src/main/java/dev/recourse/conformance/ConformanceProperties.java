package dev.recourse.conformance;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param packages FHIR package tarballs (Spring resource locations) whose conformance resources validation uses
 * @param profiles where our generated conformance resources are (a Spring resource pattern)
 * @param ignoredMessageIds validator message ids that are noise here, each for a reason given in
 *     application.yaml (terminology that needs a server we cannot reach); errors with these ids never
 *     reject a resource
 */
@ConfigurationProperties("recourse.conformance")
record ConformanceProperties(List<String> packages, String profiles, Set<String> ignoredMessageIds) {

	ConformanceProperties {
		packages = packages == null ? List.of() : List.copyOf(packages);
		profiles = profiles == null || profiles.isBlank() ? "classpath:profiles/*.json" : profiles;
		ignoredMessageIds = ignoredMessageIds == null ? Set.of() : Set.copyOf(ignoredMessageIds);
	}
}
