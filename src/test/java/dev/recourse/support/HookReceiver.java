package dev.recourse.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Rest-hook endpoints for tests: a JDK HTTP server on 127.0.0.1 and a random port, started once per JVM before the
 * server, whose base URL is on the outbound allow-list. Each test opens a hook of its own (a fresh path), scripts the
 * statuses it answers (200 once the script is spent) and reads what was POSTed to it.
 */
public final class HookReceiver {
	private final HttpServer server;

	private HookReceiver(HttpServer server) {
		this.server = server;
	}

	static HookReceiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
				Thread thread = new Thread(runnable, "test-hooks");
				thread.setDaemon(true);
				return thread;
			}));
			server.start();
			return new HookReceiver(server);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
	}

	/** A new endpoint that answers the statuses given, in order, then 200. */
	public Hook open(int... statuses) {
		Hook hook = new Hook(baseUrl() + "/" + UUID.randomUUID());
		for (int status : statuses) {
			hook.script.add(status);
		}
		server.createContext(hook.url.substring(hook.url.indexOf("/hooks")), hook::handle);
		return hook;
	}

	/** One request as received: its headers (names in lower case) and body. */
	public record Received(Map<String, List<String>> headers, String body, int answered) {
		public String header(String name) {
			return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of()).stream().findFirst().orElse(null);
		}
	}

	public static final class Hook {
		private final String url;
		private final Deque<Integer> script = new ConcurrentLinkedDeque<>();
		private final List<Received> received = new CopyOnWriteArrayList<>();

		private Hook(String url) {
			this.url = url;
		}

		public String url() {
			return url;
		}

		public List<Received> received() {
			return List.copyOf(received);
		}

		/** The requests answered 2xx, once there are {@code count} of them, waiting at most {@code timeout}. */
		public List<Received> awaitDelivered(int count, Duration timeout) throws InterruptedException {
			Instant until = Instant.now().plus(timeout);
			while (delivered().size() < count && Instant.now().isBefore(until)) {
				Thread.sleep(20);
			}
			return delivered();
		}

		public List<Received> delivered() {
			return received.stream().filter(request -> request.answered() / 100 == 2).toList();
		}

		private void handle(HttpExchange exchange) throws IOException {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Integer scripted = script.poll();
			int status = scripted == null ? 200 : scripted;
			Map<String, List<String>> headers = new java.util.HashMap<>();
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), List.copyOf(values)));
			received.add(new Received(headers, body, status));
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		}
	}
}
