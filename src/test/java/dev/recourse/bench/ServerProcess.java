package dev.recourse.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * The built server jar as a child process, the way a user runs it: on a free loopback port, in a fresh working
 * directory (so H2's {@code ./data} is new), with its output in a log file the report reads afterwards. Started
 * with this JVM's own {@code java}, so the report's java version is the server's.
 */
final class ServerProcess implements AutoCloseable {
	// a loaded machine (a profiler attached, other builds) can take longer to start: BENCH_READY_MINUTES
	private static final Duration READY_WITHIN = Duration.ofMinutes(Long.parseLong(
			java.util.Objects.requireNonNullElse(System.getenv("BENCH_READY_MINUTES"), "5")));
	private final Process process;
	private final Path workDir;
	private final int port;
	private final double startupSeconds;

	/**
	 * How to start it.
	 *
	 * @param env variables on top of this JVM's (datasource, demo off)
	 * @param args Spring properties as {@code --name=value}
	 * @param log where stdout and stderr go
	 */
	record Launch(Path jar, String jvmOpts, Map<String, String> env, List<String> args, Path log) {}

	private ServerProcess(Process process, Path workDir, int port, double startupSeconds) {
		this.process = process;
		this.workDir = workDir;
		this.port = port;
		this.startupSeconds = startupSeconds;
	}

	static ServerProcess start(Launch launch) throws IOException, InterruptedException {
		Path workDir = Files.createTempDirectory("recourse-pullbench");
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(Arrays.stream(launch.jvmOpts().trim().split("\\s+")).filter(opt -> !opt.isEmpty()).toList());
		command.addAll(List.of("-jar", launch.jar().toString()));
		command.addAll(launch.args());
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
				.redirectOutput(launch.log().toFile());
		builder.environment().putAll(launch.env());
		builder.environment().put("PORT", Integer.toString(port));
		long started = System.nanoTime();
		Process process = builder.start();
		// Ctrl-C or a kill of the driver must not leave a server holding 1.5 GB behind
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
		awaitReady(process, port, launch.log());
		return new ServerProcess(process, workDir, port, (System.nanoTime() - started) / 1e9);
	}

	String fhirBase() {
		return "http://127.0.0.1:" + port + "/fhir";
	}

	long pid() {
		return process.pid();
	}

	/** Process start → readiness UP. */
	double startupSeconds() {
		return startupSeconds;
	}

	private static void awaitReady(Process process, int port, Path log) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(5)).GET().build();
		long deadline = System.nanoTime() + READY_WITHIN.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
			}
			try {
				HttpResponse<String> answer = http.send(readiness, HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() == 200 && answer.body().contains("UP")) {
					return;
				}
			} catch (IOException notListeningYet) {
				// the port opens late in start-up
			}
			Thread.sleep(250);
		}
		process.destroyForcibly();
		throw new IllegalStateException("the server was not ready within " + READY_WITHIN + "; see " + log);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** A graceful stop (SIGTERM), forced after 30 s; then the working directory and its database go. */
	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		FileSystemUtils.deleteRecursively(workDir.toFile());
	}
}
