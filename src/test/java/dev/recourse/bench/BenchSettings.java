package dev.recourse.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark run is told: by {@code bench/run.sh} as arguments
 * {@code <reportDir> <database> <target>...}, each target one running server as
 * {@code <security>,<fhirBase>,<serverPid>,<startupSeconds>,<rssAfterStartKb>}; by the environment for the rest.
 *
 * @param client who the driver is at the servers' token endpoint, if they advertise one
 */
record BenchSettings(Path reportDir, String database, List<Target> targets, String serverJvm, String commit, Client client) {

	/**
	 * One server under test.
	 *
	 * @param security its security mode as run.sh started it ({@code open}, {@code authz} or {@code secure});
	 *     it names the report, the driver behaves the same in every mode
	 */
	record Target(String security, String base, long serverPid, double startupSeconds, long rssAfterStartKb) {
		static Target parse(String arg) {
			String[] parts = arg.split(",");
			if (parts.length != 5) {
				throw new IllegalArgumentException("target: <security>,<fhirBase>,<serverPid>,<startupSeconds>,<rssKb>; was " + arg);
			}
			return new Target(parts[0], parts[1], Long.parseLong(parts[2]), Double.parseDouble(parts[3]), Long.parseLong(parts[4]));
		}
	}

	/** OAuth client credentials and the scope asked for (client_credentials grant). */
	record Client(String id, String secret, String scope) {}

	static BenchSettings of(String[] args, Map<String, String> env) {
		if (args.length < 3) {
			throw new IllegalArgumentException("usage: Benchmark <reportDir> <database>"
					+ " <security>,<fhirBase>,<serverPid>,<startupSeconds>,<rssKb>...");
		}
		List<Target> targets = new ArrayList<>();
		for (int i = 2; i < args.length; i++) {
			targets.add(Target.parse(args[i]));
		}
		return new BenchSettings(
				Path.of(args[0]),
				args[1],
				List.copyOf(targets),
				env.getOrDefault("BENCH_SERVER_JVM_OPTS", ""),
				env.getOrDefault("BENCH_COMMIT", "unknown"),
				new Client(
						env.getOrDefault("RECOURSE_DEV_CLIENT_ID", "recourse-dev"),
						env.getOrDefault("RECOURSE_DEV_CLIENT_SECRET", "recourse-dev-secret"),
						env.getOrDefault("BENCH_SCOPE", "system/*.cruds")));
	}

	/** A report's name: database and security mode, e.g. {@code h2-secure}. */
	String label(Target target) {
		return database + "-" + target.security();
	}
}
