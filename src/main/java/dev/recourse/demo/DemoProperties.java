package dev.recourse.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled run the demo on the embedded default (the dev-issuer profile): see {@link DemoEnvironment}
 * @param location the third-party bundles loaded as they are, as a Spring resource pattern
 * @param situations the classpath manifest of the demo denials ({@link DemoSituation})
 */
@ConfigurationProperties("recourse.demo")
record DemoProperties(boolean enabled, String location, String situations) {

	DemoProperties {
		location = location == null || location.isBlank() ? "classpath:demo/Bundle-*.json" : location;
		situations = situations == null || situations.isBlank() ? "demo/situations.yaml" : situations;
	}
}
