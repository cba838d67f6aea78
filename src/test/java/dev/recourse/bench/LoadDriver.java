package dev.recourse.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs a scenario against the server: a fixed number of requests, a fixed number in flight, a time cap. */
final class LoadDriver {
	private static final Duration SCENARIO_CAP = Duration.ofMinutes(5);
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	ScenarioResult run(Scenario scenario) throws InterruptedException {
		long[] nanos = new long[scenario.requests()];
		Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
		AtomicInteger exceptions = new AtomicInteger();
		AtomicInteger next = new AtomicInteger();
		ExecutorService workers = Executors.newFixedThreadPool(scenario.concurrency());
		long start = System.nanoTime();
		for (int w = 0; w < scenario.concurrency(); w++) {
			workers.submit(() -> {
				for (int i = next.getAndIncrement(); i < scenario.requests(); i = next.getAndIncrement()) {
					nanos[i] = timed(scenario.request().apply(i), statuses, exceptions);
				}
			});
		}
		workers.shutdown();
		if (!workers.awaitTermination(SCENARIO_CAP.toSeconds(), TimeUnit.SECONDS)) {
			workers.shutdownNow();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		return ScenarioResult.of(scenario, seconds, nanos, new TreeMap<>(statuses), exceptions.get());
	}

	private long timed(HttpRequest request, Map<Integer, Integer> statuses, AtomicInteger exceptions) {
		long start = System.nanoTime();
		try {
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			statuses.merge(response.statusCode(), 1, Integer::sum);
		} catch (Exception e) {
			exceptions.incrementAndGet();
		}
		return System.nanoTime() - start;
	}
}
