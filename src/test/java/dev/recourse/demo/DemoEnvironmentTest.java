package dev.recourse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

class DemoEnvironmentTest {
	private static final String APPLICATION_YAML = "Config resource 'class path resource [application.yaml]' via location 'optional:classpath:/'";

	@Test
	void devIssuerByDefault_demoEnabled_settingsSitBetweenTheEnvironmentAndApplicationYaml() {
		StandardEnvironment environment = environment(Map.of("recourse.demo.enabled", "true", "recourse.ehr.default-endpoint", ""));
		environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", Map.of("recourse.security.payer-clients", "mine")));

		new DemoEnvironment().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getPropertySources().stream().map(PropertySource::getName))
				.containsSubsequence("commandLineArgs", "recourse-demo-settings", APPLICATION_YAML);
		assertThat(environment.getProperty("recourse.ehr.default-endpoint")).as("over application.yaml").isEqualTo("demo-ehr");
		assertThat(environment.getProperty("recourse.security.payer-clients")).as("under the command line").isEqualTo("mine");
		assertThat(environment.getProperty("recourse.submission.payers[0].address")).isEqualTo("http://localhost:8080/fhir");
	}

	@Test
	void demoDisabled_orAnotherProfile_nothingAdded() {
		StandardEnvironment disabled = environment(Map.of("recourse.demo.enabled", "false"));
		StandardEnvironment production = environment(Map.of("recourse.demo.enabled", "true"));
		production.setActiveProfiles("production");

		new DemoEnvironment().postProcessEnvironment(disabled, new SpringApplication());
		new DemoEnvironment().postProcessEnvironment(production, new SpringApplication());

		assertThat(disabled.getPropertySources().contains("recourse-demo-settings")).isFalse();
		assertThat(production.getPropertySources().contains("recourse-demo-settings")).isFalse();
		assertThat(DemoEnvironment.active(production)).isFalse();
	}

	@Test
	void devIssuerActiveAmongOthers_demoRuns() {
		StandardEnvironment environment = environment(Map.of("recourse.demo.enabled", "true"));
		environment.setActiveProfiles("dev-issuer", "local");

		assertThat(DemoEnvironment.active(environment)).isTrue();
	}

	/** The default profile dev-issuer, as application.yaml sets it, and application.yaml's values. */
	private static StandardEnvironment environment(Map<String, Object> applicationYaml) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.setDefaultProfiles("dev-issuer");
		environment.getPropertySources().addLast(new MapPropertySource(APPLICATION_YAML, applicationYaml));
		return environment;
	}
}
