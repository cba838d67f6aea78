package dev.recourse.app;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the app is served.
 *
 * @param frameAncestors the origins allowed to show the app in a frame (CSP {@code frame-ancestors}): the EHRs that embed
 *     it, e.g. {@code https://ehr.example.org}; {@code 'self'} alone lets only this server frame it
 */
@ConfigurationProperties("recourse.app")
public record AppProperties(List<String> frameAncestors) {
	public AppProperties {
		frameAncestors = frameAncestors == null || frameAncestors.isEmpty() ? List.of("'self'") : List.copyOf(frameAncestors);
		if (frameAncestors.contains("*")) {
			throw new IllegalStateException("recourse.app.frame-ancestors may not contain *: list the EHR origins that embed the app");
		}
	}
}
