package dev.recourse.ehr.auth;

import dev.recourse.ehr.EhrConnection;
import dev.recourse.security.guard.OutboundUrlPolicy;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens for the EHRs we read from, by SMART Backend Services: token endpoint (configured or
 * discovered) → signed client assertion → {@code client_credentials} grant → token kept until shortly
 * before it expires. Callers for one connection wait for a single token request; callers for different
 * connections never wait for each other.
 */
@Component
public class EhrAccessTokens {
	private final TokenEndpoints endpoints;
	private final ClientCredentialsGrant grant;
	private final Clock clock;
	private final Map<EhrConnection, AccessToken> tokens = new ConcurrentHashMap<>();
	private final Map<EhrConnection, ReentrantLock> locks = new ConcurrentHashMap<>();

	@Autowired
	EhrAccessTokens(SigningKeys keys, OutboundUrlPolicy policy) {
		this(keys, policy, Clock.systemUTC());
	}

	EhrAccessTokens(SigningKeys keys, OutboundUrlPolicy policy, Clock clock) {
		AuthHttp http = new AuthHttp(policy);
		this.endpoints = new TokenEndpoints(http);
		this.grant = new ClientCredentialsGrant(http, keys, clock);
		this.clock = clock;
	}

	/**
	 * A token for the connection, from the cache while it has more than a minute to live.
	 *
	 * @param connection an EHR with a Backend Services registration
	 * @throws IllegalArgumentException for a connection without {@code auth}: it needs no token
	 * @throws EhrAuthenticationException when no token could be had; the message is safe to show a caller
	 */
	public String accessToken(EhrConnection connection) {
		BackendServicesRegistration registration = connection.auth().orElseThrow(() -> new IllegalArgumentException(
				"Endpoint/" + connection.endpointId() + " has no Backend Services registration and needs no token"));
		AccessToken cached = tokens.get(connection);
		if (cached != null && cached.usableAt(clock.instant())) {
			return cached.value();
		}
		ReentrantLock lock = locks.computeIfAbsent(connection, key -> new ReentrantLock());
		lock.lock();
		try {
			// Whoever held the lock before us may have fetched the token we came for.
			cached = tokens.get(connection);
			if (cached != null && cached.usableAt(clock.instant())) {
				return cached.value();
			}
			String tokenEndpoint = endpoints.tokenEndpoint(connection, registration);
			AccessToken fresh = grant.request(connection, registration, tokenEndpoint);
			tokens.put(connection, fresh);
			return fresh.value();
		} finally {
			lock.unlock();
		}
	}

	/**
	 * The EHR answered 401 to this token: forget it, so the next call authenticates again. A token that is
	 * no longer the cached one (another caller already replaced it) leaves the cache alone.
	 */
	public void rejected(EhrConnection connection, String token) {
		tokens.computeIfPresent(connection, (key, cached) -> cached.value().equals(token) ? null : cached);
	}
}
