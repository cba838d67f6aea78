package dev.recourse.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a driver that starts its own server (the pull and criteria benchmarks) is told: by {@code bench/driver.sh}
 * as arguments {@code <reportDir> <h2|postgres> <jar>}, by the environment for the rest (each driver reads its own
 * counts, e.g. {@code BENCH_PULLS}, with {@link #count}).
 *
 * @param repo the checkout the jar was built in; the fake EHR's client keystore is read from it
 * @param secure {@code BENCH_SECURITY} on (default): the server as deployed, with bearer tokens, authorization and
 *     the audit trail; off: none of them, to tell what they cost
 * @param databaseEnv the server's datasource variables; empty for H2, whose file database the server makes fresh
 *     in its own working directory
 * @param client who the driver is at the server's development token issuer
 */
record DriverSettings(Path reportDir, String database, Path jar, Path repo, boolean secure, String serverJvm,
		String commit, Map<String, String> databaseEnv, BenchSettings.Client client) {

	static DriverSettings of(String driver, String[] args, Map<String, String> env) {
		if (args.length != 3) {
			throw new IllegalArgumentException("usage: " + driver + " <reportDir> <h2|postgres> <serverJar>");
		}
		Path jar = Path.of(args[2]).toAbsolutePath();
		return new DriverSettings(Path.of(args[0]), args[1], jar, jar.getParent().getParent(),
				!env.getOrDefault("BENCH_SECURITY", "on").equals("off"),
				env.getOrDefault("BENCH_SERVER_JVM_OPTS", "-Xms512m -Xmx1g"),
				env.getOrDefault("BENCH_COMMIT", "unknown"),
				databaseEnv(args[1], env),
				new BenchSettings.Client(
						env.getOrDefault("RECOURSE_DEV_CLIENT_ID", "recourse-dev"),
						env.getOrDefault("RECOURSE_DEV_CLIENT_SECRET", "recourse-dev-secret"),
						env.getOrDefault("BENCH_SCOPE", "system/*.cruds")));
	}

	/** A positive count from the environment, e.g. {@code BENCH_PULLS}. */
	static int count(Map<String, String> env, String name, int fallback) {
		int count = Integer.parseInt(env.getOrDefault(name, Integer.toString(fallback)));
		if (count < 1) {
			throw new IllegalArgumentException(name + " must be at least 1; was " + count);
		}
		return count;
	}

	/** The report's name: the database, and {@code -open} for a server without security. */
	String label() {
		return secure ? database : database + "-open";
	}

	/** The server's security switches, as bench/run.sh sets them for its open and secure modes. */
	Map<String, String> securityEnv() {
		String on = Boolean.toString(secure);
		return Map.of("RECOURSE_SECURITY_ENFORCE", on, "RECOURSE_SECURITY_AUDIT_ENABLED", on);
	}

	private static Map<String, String> databaseEnv(String database, Map<String, String> env) {
		Map<String, String> vars = new LinkedHashMap<>();
		if (database.equals("postgres")) {
			String url = env.get("BENCH_DATASOURCE_URL");
			if (url == null) {
				throw new IllegalArgumentException("postgres needs BENCH_DATASOURCE_URL (bench/driver.sh sets it)");
			}
			vars.put("SPRING_DATASOURCE_URL", url);
			vars.put("SPRING_DATASOURCE_USERNAME", "postgres");
			vars.put("SPRING_DATASOURCE_PASSWORD", "");
			// the development issuer refuses PostgreSQL unless told; the bench's cluster is thrown away after the run
			vars.put("RECOURSE_SECURITY_DEV_ISSUER_ALLOW_POSTGRES", "true");
		} else if (!database.equals("h2")) {
			throw new IllegalArgumentException("database must be h2 or postgres; was " + database);
		}
		return vars;
	}
}
