package dev.recourse.security;

import ca.uhn.fhir.rest.annotation.Operation;
import dev.recourse.common.OperationProvider;
import dev.recourse.security.SmartScope.Verb;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.aop.support.AopUtils;

/**
 * The operations callers may invoke and what each needs: ours from their {@link RequiresAccess}
 * declarations, HAPI's built-in ones from the table here. Anything else ({@code $everything},
 * {@code $graphql}, the reindexing and admin operations) is refused.
 */
final class OperationAccess {
	/** HAPI's own operations we serve, and the verb on the target type each needs. */
	static final Map<String, List<Requirement>> BUILT_IN = Map.of(
			"$validate", List.of(new Requirement(Requirement.TARGET_TYPE, Set.of(Verb.CREATE, Verb.UPDATE, Verb.READ), false)),
			"$meta", List.of(new Requirement(Requirement.TARGET_TYPE, Set.of(Verb.READ), false)),
			"$expunge", List.of(new Requirement(SmartScope.ANY_TYPE, Set.of(Verb.DELETE), false)));

	private final Map<String, List<Requirement>> byName;

	private OperationAccess(Map<String, List<Requirement>> byName) {
		this.byName = Map.copyOf(byName);
	}

	static OperationAccess of(List<OperationProvider> providers) {
		Map<String, List<Requirement>> byName = new HashMap<>(BUILT_IN);
		for (OperationProvider provider : providers) {
			for (Method method : AopUtils.getTargetClass(provider).getMethods()) {
				Operation operation = method.getAnnotation(Operation.class);
				List<Requirement> requirements = requirements(method);
				// an operation that declares nothing stays out of the table, so every caller is refused it
				if (operation != null && !requirements.isEmpty()) {
					String name = operation.name().startsWith("$") ? operation.name() : "$" + operation.name();
					byName.merge(name, requirements, OperationAccess::sameOrFail);
				}
			}
		}
		return new OperationAccess(byName);
	}

	Set<String> names() {
		return byName.keySet();
	}

	Optional<List<Requirement>> requirements(String operation) {
		return Optional.ofNullable(byName.get(operation));
	}

	private static List<Requirement> requirements(Method method) {
		return java.util.Arrays.stream(method.getAnnotationsByType(RequiresAccess.class))
				.map(access -> new Requirement(access.resourceType(), Set.of(access.verbs()), access.payerOnly()))
				.toList();
	}

	/** Type- and instance-level methods of one operation must declare the same needs. */
	private static List<Requirement> sameOrFail(List<Requirement> first, List<Requirement> second) {
		if (!Set.copyOf(first).equals(Set.copyOf(second))) {
			throw new IllegalStateException("An operation's methods declare different @RequiresAccess: " + first + " / " + second);
		}
		return first;
	}

	/**
	 * @param resourceType the type the verbs apply to; {@link #TARGET_TYPE} means the type the operation is invoked on
	 * @param anyOf the verbs, any one of which suffices
	 * @param payerOnly only registered payer clients with a system scope
	 */
	record Requirement(String resourceType, Set<Verb> anyOf, boolean payerOnly) {
		static final String TARGET_TYPE = "(target)";

		Requirement {
			anyOf = Set.copyOf(anyOf);
		}
	}
}
