package dev.recourse.support;

import dev.recourse.RecourseApplication;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another Recourse, started from {@link RecourseApplication} inside the test JVM beside the shared test server, on a
 * random port with properties of its own. The properties are passed as command-line arguments, so they outrank the
 * environment as {@code @SpringBootTest} properties do. What two Spring contexts in one JVM would otherwise fight
 * over is switched off here: the development token issuer (another profile is active), Spring Boot's admin MBean and
 * JMX, Micrometer's global registry; the warm-up and the demo data are skipped to start faster.
 */
public final class RecourseInstance implements AutoCloseable {
	/** What two Spring contexts in one JVM would fight over, and the warm-up nobody here waits for. */
	private static final Map<String, String> IN_ONE_JVM = Map.of(
			"spring.application.admin.enabled", "false",
			"spring.jmx.enabled", "false",
			"management.metrics.use-global-registry", "false",
			"recourse.warm-up.enabled", "false");
	private static final Map<String, String> BESIDE_ANOTHER = Map.of(
			"server.port", "0",
			"spring.profiles.active", "second-instance",
			"recourse.demo.enabled", "false");
	private final String name;
	private final ConfigurableApplicationContext context;
	private final double startupSeconds;

	private RecourseInstance(String name, ConfigurableApplicationContext context, double startupSeconds) {
		this.name = name;
		this.context = context;
		this.startupSeconds = startupSeconds;
	}

	/** @param name the instance's {@code spring.application.name}, shown in its log lines */
	static RecourseInstance start(String name, Map<String, String> properties) {
		Map<String, String> all = new LinkedHashMap<>(properties);
		all.putAll(BESIDE_ANOTHER);
		return run(name, all);
	}

	/**
	 * The embedded default as {@code mvn spring-boot:run} starts it — the dev-issuer profile (its development token
	 * issuer), demo data unless the properties say otherwise — on the port and database the properties name.
	 */
	public static RecourseInstance startEmbeddedDefault(String name, Map<String, String> properties) {
		return run(name, new LinkedHashMap<>(properties));
	}

	private static RecourseInstance run(String name, Map<String, String> properties) {
		Map<String, String> all = new LinkedHashMap<>(properties);
		all.putAll(IN_ONE_JVM);
		all.put("spring.application.name", name);
		long started = System.nanoTime();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(RecourseApplication.class)
				.run(all.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toArray(String[]::new));
		return new RecourseInstance(name, context, (System.nanoTime() - started) / 1e9);
	}

	public String name() {
		return name;
	}

	/** Loopback by address, as the fault proxy forwards to it, so the FHIR base it derives from requests is this. */
	public String root() {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	public String fhirBase() {
		return root() + "/fhir";
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	public double startupSeconds() {
		return startupSeconds;
	}

	@Override
	public void close() {
		context.close();
	}
}
