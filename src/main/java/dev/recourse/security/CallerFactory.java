package dev.recourse.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Reads a {@link Caller} out of validated token claims (JWT claims or an introspection response). */
final class CallerFactory {
	private final Set<String> payerClients;

	CallerFactory(Set<String> payerClients) {
		this.payerClients = payerClients;
	}

	Caller fromClaims(Map<String, Object> claims) {
		String clientId = first(claims, "client_id", "azp", "sub").orElse("unknown");
		List<SmartScope> scopes = scopeStrings(claims.get("scope"), claims.get("scp"))
				.map(SmartScope::parse)
				.flatMap(Optional::stream)
				.toList();
		return new Caller(
				clientId,
				first(claims, "fhirUser").or(() -> userSubject(claims, clientId)),
				first(claims, "patient"),
				scopes,
				first(claims, "jti"),
				payerClients.contains(clientId));
	}

	/** A subject that is not the client itself is a person the client acts for. */
	private static Optional<String> userSubject(Map<String, Object> claims, String clientId) {
		return first(claims, "sub").filter(sub -> !sub.equals(clientId));
	}

	private static Optional<String> first(Map<String, Object> claims, String... names) {
		return Stream.of(names)
				.map(claims::get)
				.filter(value -> value != null && !value.toString().isBlank())
				.map(Object::toString)
				.findFirst();
	}

	/** RFC 8693/SMART put scopes in a space-separated {@code scope}; some servers use a {@code scp} array. */
	private static Stream<String> scopeStrings(Object... values) {
		return Stream.of(values).flatMap(value -> {
			if (value instanceof Collection<?> list) {
				return list.stream().map(Object::toString);
			}
			return value == null ? Stream.empty() : Stream.of(value.toString().trim().split("\\s+"));
		});
	}
}
