package dev.recourse.ehr.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The faults scripted by a test, each keyed by resource type (or operation name, e.g. {@code $everything})
 * and good for a number of matching requests. Rules are used in the order they were scripted; thread-safe.
 */
final class Faults {
	enum Kind {
		FAIL, THROTTLE, DELAY, MALFORMED, FOREIGN_NEXT_LINK
	}

	/**
	 * One fault to inject.
	 *
	 * @param status the HTTP status (FAIL), or the Retry-After seconds (THROTTLE)
	 * @param delay the sleep before serving (DELAY)
	 * @param foreignUrl the {@code next} link to hand out instead (FOREIGN_NEXT_LINK)
	 */
	record Fault(Kind kind, int status, Duration delay, String foreignUrl) {
	}

	private static final class Rule {
		final String key;
		final Fault fault;
		int remaining;

		Rule(String key, Fault fault, int remaining) {
			this.key = key;
			this.fault = fault;
			this.remaining = remaining;
		}
	}

	private final List<Rule> rules = new ArrayList<>();

	synchronized void add(String key, Fault fault, int times) {
		if (times < 1) {
			throw new IllegalArgumentException("times must be at least 1");
		}
		rules.add(new Rule(key, fault, times));
	}

	synchronized void clear() {
		rules.clear();
	}

	/** Uses up the first rule of one of these kinds that matches the target, if any. */
	synchronized Optional<Fault> take(RequestTarget target, Kind... kinds) {
		Iterator<Rule> it = rules.iterator();
		while (it.hasNext()) {
			Rule rule = it.next();
			if (target.matches(rule.key) && List.of(kinds).contains(rule.fault.kind())) {
				if (rule.remaining != Integer.MAX_VALUE && --rule.remaining == 0) {
					it.remove();
				}
				return Optional.of(rule.fault);
			}
		}
		return Optional.empty();
	}
}
