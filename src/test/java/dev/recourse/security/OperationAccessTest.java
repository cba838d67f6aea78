package dev.recourse.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.annotation.Operation;
import dev.recourse.common.OperationProvider;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every operation Recourse serves says what it needs; one that does not would be refused to everyone. */
class OperationAccessTest {

	@Test
	void everyOperationOfOurs_declaresItsAccess() throws Exception {
		List<String> undeclared = new ArrayList<>();
		for (Class<?> provider : operationProviders()) {
			for (Method method : provider.getMethods()) {
				if (method.isAnnotationPresent(Operation.class)
						&& method.getAnnotationsByType(RequiresAccess.class).length == 0) {
					undeclared.add(provider.getSimpleName() + "." + method.getName());
				}
			}
		}
		assertThat(undeclared).isEmpty();
		assertThat(operationProviders()).isNotEmpty();
	}

	@Test
	void registry_knowsDeclaredOperationsAndBuiltIns() throws Exception {
		OperationAccess access = OperationAccess.of(List.of(new dev.recourse.support.ErrorProbeProvider()));

		assertThat(access.names()).contains("$validate", "$meta", "$expunge", "$probe-payer")
				.doesNotContain("$everything", "$graphql", "$probe-undeclared");
		assertThat(access.requirements("$probe-payer").orElseThrow()).singleElement()
				.satisfies(requirement -> assertThat(requirement.payerOnly()).isTrue());
	}

	@Test
	void operationsOfOneNameOnTwoTypes_keepTheirOwnNeeds() {
		OperationAccess access = OperationAccess.of(List.of(new TwoSubmits()));

		assertThat(access.requirements("$submit", "Claim").orElseThrow()).singleElement()
				.satisfies(requirement -> assertThat(requirement.systemOnly()).isTrue());
		assertThat(access.requirements("$submit", "Task").orElseThrow()).singleElement()
				.satisfies(requirement -> assertThat(requirement.resourceType()).isEqualTo("Task"));
		assertThat(access.requirements("$submit", "Patient")).isEmpty();
		assertThat(access.requirements("$validate", "Patient")).isPresent();
		assertThat(access.names()).contains("$submit", "$validate");
	}

	/** Two operations named alike on two types, as the payer's Claim/$submit and the provider's Task/$submit are. */
	static class TwoSubmits implements OperationProvider {
		@RequiresAccess(resourceType = "Claim", verbs = dev.recourse.security.SmartScope.Verb.CREATE, systemOnly = true)
		@Operation(name = "$submit", type = org.hl7.fhir.r4.model.Claim.class)
		public org.hl7.fhir.r4.model.Bundle claim() {
			return null;
		}

		@RequiresAccess(resourceType = "Task", verbs = dev.recourse.security.SmartScope.Verb.UPDATE)
		@Operation(name = "$submit", type = org.hl7.fhir.r4.model.Task.class)
		public org.hl7.fhir.r4.model.Bundle task() {
			return null;
		}
	}

	private static List<Class<?>> operationProviders() throws IOException, ClassNotFoundException {
		List<Class<?>> providers = new ArrayList<>();
		Path root = Path.of("target/classes");
		try (Stream<Path> classes = Files.walk(root)) {
			for (Path file : classes.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
				String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
				Class<?> type = Class.forName(name, false, OperationAccessTest.class.getClassLoader());
				if (OperationProvider.class.isAssignableFrom(type) && !type.isInterface()) {
					providers.add(type);
				}
			}
		}
		return providers;
	}
}
