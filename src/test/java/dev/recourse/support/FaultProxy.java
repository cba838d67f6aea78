package dev.recourse.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP proxy in front of a real server, for faults a real network has: it forwards each request (JDK
 * {@code HttpServer} in, {@code HttpClient} out) and can instead stop listening ({@link #down()}: connection
 * refused), answer 503 without forwarding ({@link #refuse}), or forward the request, let the server finish it, and
 * close the connection without a word ({@link #dropAnswers}: the server did the work, the caller never heard). Every
 * answer closes its connection, so no caller holds a pooled connection a fault would have to break first.
 */
public final class FaultProxy implements AutoCloseable {
	/** Headers the JDK client sets itself or that belong to one hop. */
	private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
			"transfer-encoding", "keep-alive", "date");
	private static final byte[] UNAVAILABLE = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"transient\"}]}"
			.getBytes(StandardCharsets.UTF_8);
	private final HttpClient upstream = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final AtomicInteger refusals = new AtomicInteger();
	private final AtomicInteger drops = new AtomicInteger();
	private final List<String> forwarded = new CopyOnWriteArrayList<>();
	private volatile String target;
	private volatile int port;
	private HttpServer server;

	private FaultProxy() {
	}

	/** A proxy on a random loopback port; it forwards once {@link #forwardTo} names the server behind it. */
	public static FaultProxy start() {
		FaultProxy proxy = new FaultProxy();
		proxy.listen(0);
		return proxy;
	}

	/** @param root the server's root, e.g. {@code http://localhost:8080}; paths are kept as they come */
	public void forwardTo(String root) {
		target = root;
	}

	public String root() {
		return "http://127.0.0.1:" + port;
	}

	/** Stops listening: connections are refused until {@link #up()}. */
	public synchronized void down() {
		server.stop(0);
	}

	public synchronized void up() {
		listen(port);
	}

	/** The next {@code requests} requests are answered 503 and never reach the server. */
	public void refuse(int requests) {
		refusals.set(requests);
	}

	/** The next {@code requests} requests reach the server, whose answers are dropped with the connection. */
	public void dropAnswers(int requests) {
		drops.set(requests);
	}

	/** Back to forwarding everything, the counts kept. */
	public void reset() {
		refusals.set(0);
		drops.set(0);
	}

	/** How many requests whose path ends with this reached the server (answered or dropped). */
	public long forwarded(String pathEnding) {
		return forwarded.stream().filter(path -> path.endsWith(pathEnding)).count();
	}

	@Override
	public synchronized void close() {
		server.stop(0);
	}

	private void listen(int at) {
		server = LoopbackServer.listen(at, "fault-proxy", Map.of("/", this::handle));
		port = server.getAddress().getPort();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			if (take(refusals)) {
				answer(exchange, 503, List.of(), UNAVAILABLE);
				return;
			}
			boolean drop = take(drops);
			HttpResponse<byte[]> response = forward(exchange);
			if (drop) {
				return; // closed without a status line: the server has answered, the caller hears nothing
			}
			answer(exchange, response.statusCode(), response.headers().map().entrySet().stream()
					.filter(header -> !NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT)))
					.flatMap(header -> header.getValue().stream().map(value -> new String[] {header.getKey(), value})).toList(), response.body());
		} finally {
			exchange.close();
		}
	}

	private HttpResponse<byte[]> forward(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getRawPath()
				+ (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + path)).timeout(Duration.ofSeconds(60))
				.method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
		exchange.getRequestHeaders().forEach((name, values) -> {
			if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
				values.forEach(value -> request.header(name, value));
			}
		});
		try {
			HttpResponse<byte[]> response = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			forwarded.add(exchange.getRequestURI().getRawPath());
			return response;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while forwarding", e);
		}
	}

	private static boolean take(AtomicInteger budget) {
		return budget.getAndUpdate(left -> Math.max(left - 1, 0)) > 0;
	}

	private static void answer(HttpExchange exchange, int status, List<String[]> headers, byte[] body) throws IOException {
		headers.forEach(header -> exchange.getResponseHeaders().add(header[0], header[1]));
		exchange.getResponseHeaders().set("Connection", "close");
		exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}
}
