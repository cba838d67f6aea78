package dev.recourse.conformance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The last few verdicts by key, least recently used dropped first. Safe to share between request threads. */
final class RecentVerdicts<V> {
	private final Map<String, V> verdicts;

	RecentVerdicts(int capacity) {
		this.verdicts = new LinkedHashMap<>(capacity, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
				return size() > capacity;
			}
		};
	}

	/** The remembered verdict, else {@code judge}'s, remembered. Judging runs outside the lock: two threads may both judge. */
	V computeIfAbsent(String key, Supplier<V> judge) {
		synchronized (verdicts) {
			V known = verdicts.get(key);
			if (known != null) {
				return known;
			}
		}
		V verdict = judge.get();
		synchronized (verdicts) {
			verdicts.put(key, verdict);
		}
		return verdict;
	}
}
