package dev.recourse.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The EHR launches the development issuer knows (SMART App Launch's opaque {@code launch} parameter → the
 * patient in context). Kept in memory, as the issuer's keys are: a restart ends every launch. A launch may be
 * used more than once while it lives, because fhirclient retries an authorization it did not finish.
 */
final class LaunchContexts {
	static final Duration LIFETIME = Duration.ofMinutes(10);
	/** The launcher needs no login, so its memory is bounded; ten minutes of a demo never come near it. */
	static final int MAX_OPEN = 10_000;

	private final Map<String, Launch> launches = new ConcurrentHashMap<>();
	private final SecureRandom random = new SecureRandom();
	private final Clock clock;

	LaunchContexts(Clock clock) {
		this.clock = clock;
	}

	/** A new launch id for the patient; unguessable, since it stands for the patient's context. */
	String open(String patientId) {
		Instant now = clock.instant();
		launches.values().removeIf(launch -> launch.expiredAt(now));
		if (launches.size() >= MAX_OPEN) {
			throw new IllegalStateException("Too many open launches; try again in a few minutes");
		}
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		launches.put(id, new Launch(patientId, now.plus(LIFETIME)));
		return id;
	}

	/** The launch's patient; empty when the id is unknown or the launch has expired. */
	Optional<String> patient(String launchId) {
		Launch launch = launchId == null ? null : launches.get(launchId);
		return launch == null || launch.expiredAt(clock.instant()) ? Optional.empty() : Optional.of(launch.patientId());
	}

	private record Launch(String patientId, Instant expiresAt) {
		boolean expiredAt(Instant now) {
			return !now.isBefore(expiresAt);
		}
	}
}
