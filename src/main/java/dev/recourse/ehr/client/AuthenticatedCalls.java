package dev.recourse.ehr.client;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import dev.recourse.ehr.EhrConnection;
import dev.recourse.ehr.auth.EhrAccessTokens;
import java.util.function.Supplier;

/**
 * One EHR request under the call policy, with a bearer token when the Endpoint asks for one. A 401
 * means the token went stale (expired early, revoked): drop it, authenticate again, send once more.
 */
final class AuthenticatedCalls {
	private final EhrConnection connection;
	private final EhrAccessTokens tokens;
	private final BearerHeader bearer;
	private final EhrCallPolicy policy;

	AuthenticatedCalls(EhrConnection connection, EhrAccessTokens tokens, BearerHeader bearer, EhrCallPolicy policy) {
		this.connection = connection;
		this.tokens = tokens;
		this.bearer = bearer;
		this.policy = policy;
	}

	<T> T call(String what, Supplier<T> request) {
		return policy.call(what, () -> connection.auth().isEmpty() ? request.get() : withToken(request));
	}

	private <T> T withToken(Supplier<T> request) {
		String token = tokens.accessToken(connection);
		try {
			bearer.set(token);
			return request.get();
		} catch (AuthenticationException refused) {
			tokens.rejected(connection, token);
			bearer.set(tokens.accessToken(connection));
			return request.get();
		} finally {
			bearer.clear();
		}
	}
}
