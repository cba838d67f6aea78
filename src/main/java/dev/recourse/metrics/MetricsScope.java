package dev.recourse.metrics;

import java.util.List;

/**
 * Whose numbers, over which time: the organization's keys (see {@link OrgKeys}), the period as epoch seconds
 * [from, until), and the moment "now" that decides whether an open deadline has already passed.
 */
record MetricsScope(List<String> orgKeys, long from, long until, long asOf) {
	/** {@code (?, ?, …)} for the org keys, and the parameters: keys, from, until, after {@code leading}. */
	String keysPlaceholders() {
		return "(" + String.join(", ", orgKeys.stream().map(key -> "?").toList()) + ")";
	}

	Object[] parameters(Object... leading) {
		Object[] all = new Object[leading.length + orgKeys.size() + 2];
		System.arraycopy(leading, 0, all, 0, leading.length);
		for (int i = 0; i < orgKeys.size(); i++) {
			all[leading.length + i] = orgKeys.get(i);
		}
		all[all.length - 2] = from;
		all[all.length - 1] = until;
		return all;
	}
}
