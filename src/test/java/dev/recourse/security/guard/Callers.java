package dev.recourse.security.guard;

import dev.recourse.security.Caller;
import dev.recourse.security.SmartScope;
import java.util.Arrays;
import java.util.Optional;

/** Callers as the resource server would build them from a token, for tests without a server. */
final class Callers {
	private Callers() {}

	static Caller backendService() {
		return new Caller("ehr", Optional.empty(), Optional.empty(), scopes("system/*.cruds"), Optional.empty(), false);
	}

	static Caller patientApp() {
		return new Caller("app", Optional.of("Practitioner/1"), Optional.of("p1"), scopes("patient/*.cruds"), Optional.empty(), false);
	}

	static Caller userApp() {
		return new Caller("app", Optional.of("Practitioner/1"), Optional.empty(), scopes("user/*.cruds"), Optional.empty(), false);
	}

	private static java.util.List<SmartScope> scopes(String... scopes) {
		return Arrays.stream(scopes).map(scope -> SmartScope.parse(scope).orElseThrow()).toList();
	}
}
