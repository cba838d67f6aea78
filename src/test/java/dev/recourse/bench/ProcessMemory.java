package dev.recourse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of a process, from Linux's /proc. */
final class ProcessMemory {
	private ProcessMemory() {}

	/** VmHWM: the peak resident set size since the process started, in kB; -1 where /proc says nothing. */
	static long peakRssKb(long pid) {
		try {
			return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
					.filter(line -> line.startsWith("VmHWM:"))
					.map(line -> line.replaceAll("\\D", ""))
					.mapToLong(Long::parseLong)
					.findFirst()
					.orElse(-1);
		} catch (IOException e) {
			return -1;
		}
	}
}
