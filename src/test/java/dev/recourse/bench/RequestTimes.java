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
 * The server's own time per request, from the line {@code dev.recourse.requests} logs at INFO when HAPI has
 * finished one: {@code POST extended-operation-instance Task $map-criteria -> 200 in 42 ms} (HAPI's request
 * stopwatch: from the servlet receiving the request to the answer written). Read as ISO-8859-1, as {@link PhaseLog}.
 */
final class RequestTimes {
	private RequestTimes() {}

	/** The milliseconds of every answered call of the operation, in log order (the driver calls one at a time). */
	static List<Long> of(Path serverLog, String operation) throws IOException {
		Pattern line = Pattern.compile(Pattern.quote(operation) + " -> (\\d{3}) in (-?\\d+) ms");
		List<Long> millis = new ArrayList<>();
		for (String text : Files.readAllLines(serverLog, StandardCharsets.ISO_8859_1)) {
			Matcher m = line.matcher(text);
			if (m.find()) {
				millis.add(Long.parseLong(m.group(2)));
			}
		}
		return millis;
	}
}
