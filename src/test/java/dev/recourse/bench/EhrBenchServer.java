package dev.recourse.bench;

import dev.recourse.ehr.fake.FakeEhr;
import dev.recourse.ehr.fake.FakeEhrOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built server as the pull and criteria benchmarks start it: the fake EHR as its one, default Endpoint, demo
 * data off, the database and security of the {@link DriverSettings}; and the facts about it every report gives.
 */
final class EhrBenchServer {
	private EhrBenchServer() {}

	static ServerProcess.Launch launch(DriverSettings settings, FakeEhr ehr, Path serverLog) {
		return launch(settings, ehr, serverLog, List.of());
	}

	/** As {@link #launch(DriverSettings, FakeEhr, Path)}, with more Spring properties ({@code --name=value}) after ours. */
	static ServerProcess.Launch launch(DriverSettings settings, FakeEhr ehr, Path serverLog, List<String> moreArgs) {
		String endpoint = "--recourse.ehr.endpoints[0].";
		List<String> args = new ArrayList<>(List.of(
				endpoint + "id=bench-ehr",
				endpoint + "name=Benchmark EHR",
				endpoint + "address=" + ehr.baseUrl(),
				endpoint + "client-id=" + FakeEhrOptions.CLIENT_ID,
				endpoint + "scope=system/*.rs",
				endpoint + "key-alias=recourse-rs384",
				"--recourse.ehr.default-endpoint=bench-ehr",
				"--recourse.ehr.keystore.path=file:" + settings.repo().resolve("src/test/resources/ehr/ehr-client.p12"),
				"--recourse.ehr.keystore.password=test-only-changeit",
				"--recourse.security.outbound-allowed-urls=" + ehr.baseUrl() + "," + ehr.tokenUrl()));
		args.addAll(moreArgs);
		Map<String, String> env = new LinkedHashMap<>(settings.databaseEnv());
		env.putAll(settings.securityEnv());
		env.put("RECOURSE_DEMO_ENABLED", "false");
		return new ServerProcess.Launch(settings.jar(), settings.serverJvm(), env, args, serverLog);
	}

	/** Database, commit, machine, JVM, security, the fake EHR and the chart, start-up time, peak memory, the log. */
	static Map<String, Object> facts(DriverSettings settings, ServerProcess server, Path serverLog) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("database", settings.database());
		facts.put("commit", settings.commit());
		facts.put("cores", Runtime.getRuntime().availableProcessors());
		facts.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		facts.put("serverJvm", settings.serverJvm());
		facts.put("security", settings.secure() ? "on, as deployed: bearer token, SMART scopes, audit trail"
				: "off (BENCH_SECURITY=off): no authentication, authorization or audit");
		facts.put("ehr", "fake EHR in the driver's JVM on loopback, SMART Backend Services, searches (no $everything)");
		facts.put("chartGrowth", "patient 85 plus copies " + PullChart.EXTRA);
		facts.put("startupSeconds", String.format("%.1f", server.startupSeconds()));
		facts.put("peakRssMb", ProcessMemory.peakRssKb(server.pid()) / 1024);
		facts.put("serverLog", serverLog.getFileName().toString());
		return facts;
	}
}
