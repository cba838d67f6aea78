package dev.recourse.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The demo's settings, in one place: when the demo is on ({@link #active}), {@code demo/demo-settings.yaml} is added
 * just before the application's own configuration files, so it overrides {@code application.yaml} while the
 * environment and the command line still override it. Off (another profile, or {@code recourse.demo.enabled=false}),
 * nothing of it is read.
 */
public final class DemoEnvironment implements EnvironmentPostProcessor, Ordered {
	static final String SETTINGS = "demo/demo-settings.yaml";
	static final String PROFILE = "dev-issuer";
	private static final String SOURCE_NAME = "recourse-demo-settings";
	/** How Spring Boot names the property sources of application.yaml and its kin. */
	private static final String CONFIG_SOURCE_PREFIX = "Config resource";

	/** The demo runs on the embedded default only: the development issuer's profile, with recourse.demo.enabled. */
	public static boolean active(Environment environment) {
		return environment.matchesProfiles(PROFILE) && environment.getProperty("recourse.demo.enabled", Boolean.class, false);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!active(environment)) {
			return;
		}
		MutablePropertySources sources = environment.getPropertySources();
		String firstConfig = sources.stream().map(PropertySource::getName).filter(name -> name.startsWith(CONFIG_SOURCE_PREFIX))
				.findFirst().orElse(null);
		for (PropertySource<?> settings : read()) {
			if (firstConfig == null) {
				sources.addLast(settings);
			} else {
				sources.addBefore(firstConfig, settings);
			}
		}
	}

	/** After Spring Boot has read application.yaml and settled the profiles. */
	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

	private static List<PropertySource<?>> read() {
		try {
			return new YamlPropertySourceLoader().load(SOURCE_NAME, new ClassPathResource(SETTINGS));
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot read the demo settings " + SETTINGS, e);
		}
	}
}
