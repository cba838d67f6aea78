package dev.recourse.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The people who log in to the development issuer's form, and the FHIR resource each of them is. Their
 * tokens name that resource as {@code fhirUser}, which is what lets a prescriber sign a letter.
 */
final class DevUsers {
	private final Map<String, DevIssuerProperties.User> byName;

	DevUsers(List<DevIssuerProperties.User> users) {
		for (DevIssuerProperties.User user : users) {
			if (isBlank(user.username()) || isBlank(user.password()) || isBlank(user.fhirUser())) {
				throw new IllegalStateException("recourse.security.dev-issuer.users: every user needs a username,"
						+ " a password and a fhir-user (e.g. Practitioner/123)");
			}
		}
		this.byName = users.stream().collect(Collectors.toUnmodifiableMap(DevIssuerProperties.User::username, Function.identity()));
	}

	/** For the login form only, not a bean: the API chain must never accept a password. */
	UserDetailsService details() {
		return new InMemoryUserDetailsManager(byName.values().stream()
				// {noop}: these are published demonstration logins, there is nothing a hash would protect
				.<UserDetails>map(user -> User.withUsername(user.username()).password("{noop}" + user.password()).roles("USER").build())
				.toList());
	}

	/** The user's resource as an absolute URL under the FHIR base, as SMART's {@code fhirUser} claim has it. */
	Optional<String> fhirUser(String username, String fhirBase) {
		return Optional.ofNullable(byName.get(username)).map(DevIssuerProperties.User::fhirUser)
				.map(reference -> reference.startsWith("http://") || reference.startsWith("https://")
						? reference
						: fhirBase + "/" + reference);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}
}
