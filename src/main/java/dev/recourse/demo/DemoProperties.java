package dev.recourse.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled load the demo bundles at start-up
 * @param location where the bundles are, as a Spring resource pattern
 */
@ConfigurationProperties("recourse.demo")
record DemoProperties(boolean enabled, String location) {

	DemoProperties {
		location = location == null || location.isBlank() ? "classpath:demo/Bundle-*.json" : location;
	}
}
