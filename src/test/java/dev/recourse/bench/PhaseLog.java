package dev.recourse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a pull's time went inside the server, from the line {@code HistoryPuller} logs at INFO for each pull:
 * {@code Pulled {n} resources from Endpoint/{id} ($everything|searches): fetch {a} ms, copies and timeline {b} ms,
 * store {c} ms ({u} unchanged, not written), {w} warning(s)} (older servers: without the part in parentheses). The puller's clock starts after it has read the case and its patient; what the
 * line does not cover (HTTP, authentication, authorization, reading the case, writing the answer; the audit events
 * of what is stored are written inside the store phase's transaction)
 * is the end-to-end time less the three phases. Read as ISO-8859-1: a stray byte in the log must not stop the report.
 */
final class PhaseLog {
	private static final Pattern LINE = Pattern.compile("Pulled (\\d+) resources from Endpoint/(\\S+) \\((\\S+)\\): "
			+ "fetch (\\d+) ms, copies and timeline (\\d+) ms, store (\\d+) ms(?: \\((\\d+) unchanged, not written\\))?, (\\d+) warning\\(s\\)");

	private PhaseLog() {}

	/** One pull's line; {@code via} is {@code $everything} or {@code searches}; {@code unchanged} copies were not written. */
	record Phases(int resources, String via, long fetchMs, long copiesMs, long storeMs, int warnings, int unchanged) {
		long totalMs() {
			return fetchMs + copiesMs + storeMs;
		}
	}

	/** Every pull's line in the log, in the order of the pulls (the driver pulls one at a time). */
	static List<Phases> read(Path serverLog) throws IOException {
		List<Phases> phases = new ArrayList<>();
		for (String line : Files.readAllLines(serverLog, StandardCharsets.ISO_8859_1)) {
			Matcher m = LINE.matcher(line);
			if (m.find()) {
				phases.add(new Phases(Integer.parseInt(m.group(1)), m.group(3), Long.parseLong(m.group(4)),
						Long.parseLong(m.group(5)), Long.parseLong(m.group(6)), Integer.parseInt(m.group(8)),
						m.group(7) == null ? 0 : Integer.parseInt(m.group(7))));
			}
		}
		return phases;
	}
}
