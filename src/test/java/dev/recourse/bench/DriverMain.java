package dev.recourse.bench;

/** The {@code main} of a driver that starts servers of its own: run it, print what failed, and leave with its status. */
final class DriverMain {
	/** A driver's body. */
	interface Body {
		void run(String[] args) throws Exception;
	}

	private DriverMain() {}

	static void runAndExit(String[] args, Body body) {
		int status = 0;
		try {
			body.run(args);
		} catch (Throwable failed) {
			failed.printStackTrace();
			status = 1;
		}
		// servers' HTTP threads (the token issuer's) are no daemons: leave explicitly (the servers were stopped by then)
		System.exit(status);
	}
}
