package dev.recourse.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import dev.recourse.common.OperationProvider;
import dev.recourse.support.ErrorProbeProvider;
import dev.recourse.support.FhirIntegrationTest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.OperationDefinition.OperationDefinitionParameterComponent;
import org.hl7.fhir.r4.model.OperationDefinition.OperationParameterUse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.aop.support.AopUtils;

/**
 * The OperationDefinitions in profiles/ are the contract: every operation the server serves has one,
 * with the same name and the same input parameters and cardinalities, and the CapabilityStatement in
 * profiles/ names exactly the OperationDefinitions there are.
 */
class OperationContractIT extends FhirIntegrationTest {
	private static final String OUR_DEFINITIONS = "http://recourse.dev/fhir/OperationDefinition/";

	@Autowired
	ProfileLibrary library;

	@Autowired
	List<OperationProvider> providers;

	@Autowired
	ConformanceProperties packages;

	@Test
	void everyServedOperation_matchesItsOperationDefinition() {
		Map<String, OperationDefinition> definitions = definitionsByUrl();
		Map<String, Map<String, String>> servedInputs = new java.util.HashMap<>();
		for (Method method : servedOperations()) {
			Operation operation = method.getAnnotation(Operation.class);
			String where = method.getDeclaringClass().getSimpleName() + "." + method.getName();
			assertThat(operation.canonicalUrl()).as(where + " canonicalUrl").isNotBlank();
			if (!operation.canonicalUrl().startsWith(OUR_DEFINITIONS)) {
				continue;
			}
			OperationDefinition definition = definitions.get(operation.canonicalUrl());
			assertThat(definition).as(where + " has an OperationDefinition in profiles/").isNotNull();
			assertThat("$" + definition.getCode()).isEqualTo(operation.name());
			// A type-level and an instance-level method may share a definition; each takes a subset of its
			// inputs with the same cardinalities, and together they take all of them.
			assertThat(inputs(definition)).as(where + " inputs").containsAllEntriesOf(inputs(method));
			servedInputs.computeIfAbsent(operation.canonicalUrl(), url -> new java.util.HashMap<>()).putAll(inputs(method));
		}
		servedInputs.forEach((url, inputs) -> assertThat(inputs).as(url).isEqualTo(inputs(definitions.get(url))));
	}

	/**
	 * Operations of other guides (PAS's Claim/$submit and Claim/$inquire) are served under those guides' own
	 * OperationDefinitions, which are not ours to copy into profiles/: their inputs are checked against the definition
	 * in the FHIR package the server carries.
	 */
	/**
	 * CDex 2.1.0's {@code $submit-attachment} inputs as published (the CDex package is not one the server carries):
	 * https://hl7.org/fhir/us/davinci-cdex/OperationDefinition-submit-attachment.html
	 */
	static final String CDEX_SUBMIT_ATTACHMENT = "http://hl7.org/fhir/us/davinci-cdex/OperationDefinition/submit-attachment";
	static final Map<String, String> CDEX_SUBMIT_ATTACHMENT_INPUTS = Map.of("TrackingId", "1..1", "AttachTo", "1..1",
			"PayerId", "0..1", "OrganizationId", "0..1", "ProviderId", "0..1", "MemberId", "1..1", "ServiceDate", "0..1",
			"Attachment", "1..*", "Final", "0..1");

	@Test
	void submitAttachment_takesCdexsPublishedInputs_atSystemLevel() {
		Method served = servedOperations().stream()
				.filter(method -> CDEX_SUBMIT_ATTACHMENT.equals(method.getAnnotation(Operation.class).canonicalUrl())).findFirst().orElseThrow();
		assertThat(served.getAnnotation(Operation.class).name()).isEqualTo("$submit-attachment");
		assertThat(served.getAnnotation(Operation.class).type()).isEqualTo(org.hl7.fhir.instance.model.api.IBaseResource.class);
		assertThat(inputs(served)).isEqualTo(CDEX_SUBMIT_ATTACHMENT_INPUTS);
	}

	@Test
	void operationsOfOtherGuides_matchTheirGuidesDefinitions() throws Exception {
		Map<String, OperationDefinition> external = packageDefinitions();
		List<Method> served = servedOperations().stream()
				.filter(method -> !method.getAnnotation(Operation.class).canonicalUrl().startsWith(OUR_DEFINITIONS))
				.filter(method -> !CDEX_SUBMIT_ATTACHMENT.equals(method.getAnnotation(Operation.class).canonicalUrl())).toList();
		assertThat(served).isNotEmpty();
		for (Method method : served) {
			Operation operation = method.getAnnotation(Operation.class);
			OperationDefinition definition = external.get(operation.canonicalUrl());
			assertThat(definition).as(operation.canonicalUrl() + " is in a package the server carries").isNotNull();
			assertThat("$" + definition.getCode()).isEqualTo(operation.name());
			assertThat(inputs(method)).as(operation.canonicalUrl() + " inputs").isEqualTo(inputs(definition));
			assertThat(definition.getResource()).extracting(code -> code.getValue()).contains(operation.type().getSimpleName());
		}
	}

	@Test
	void servedOperations_areListedWithTheirCanonicalInTheCapabilityStatement() {
		CapabilityStatement served = client.capabilities().ofType(CapabilityStatement.class).execute();
		List<String> listed = new ArrayList<>();
		served.getRest().forEach(rest -> {
			rest.getOperation().forEach(op -> listed.add(op.getDefinition()));
			rest.getResource().forEach(r -> r.getOperation().forEach(op -> listed.add(op.getDefinition())));
		});
		for (Method method : servedOperations()) {
			assertThat(listed).contains(method.getAnnotation(Operation.class).canonicalUrl());
		}
	}

	@Test
	void capabilityStatementInProfiles_namesEveryOperationDefinitionInProfiles() {
		CapabilityStatement contract = library.conformanceResources().stream()
				.filter(CapabilityStatement.class::isInstance).map(CapabilityStatement.class::cast)
				.findFirst().orElseThrow();
		List<String> named = contract.getRest().stream()
				.flatMap(rest -> rest.getResource().stream())
				.flatMap(resource -> resource.getOperation().stream())
				.map(op -> op.getDefinition())
				.filter(url -> url.startsWith(OUR_DEFINITIONS))
				.toList();

		assertThat(named).containsExactlyInAnyOrderElementsOf(definitionsByUrl().keySet());
	}

	private List<Method> servedOperations() {
		List<Method> methods = new ArrayList<>();
		for (OperationProvider provider : providers) {
			Class<?> type = AopUtils.getTargetClass(provider);
			if (type == ErrorProbeProvider.class) {
				continue;
			}
			for (Method method : type.getMethods()) {
				if (method.isAnnotationPresent(Operation.class)) {
					methods.add(method);
				}
			}
		}
		return methods;
	}

	/** The OperationDefinitions in the FHIR packages the server validates with, by url. */
	private Map<String, OperationDefinition> packageDefinitions() throws java.io.IOException {
		Map<String, OperationDefinition> found = new java.util.HashMap<>();
		for (String location : packages.packages()) {
			try (java.io.InputStream in = new org.springframework.core.io.DefaultResourceLoader().getResource(location).getInputStream()) {
				org.hl7.fhir.utilities.npm.NpmPackage npm = org.hl7.fhir.utilities.npm.NpmPackage.fromPackage(in);
				for (String file : npm.listResources("OperationDefinition")) {
					try (java.io.InputStream resource = npm.load("package", file)) {
						OperationDefinition definition = fhirContext.newJsonParser().parseResource(OperationDefinition.class, resource);
						found.put(definition.getUrl(), definition);
					}
				}
			}
		}
		return found;
	}

	private Map<String, OperationDefinition> definitionsByUrl() {
		return library.conformanceResources().stream()
				.filter(OperationDefinition.class::isInstance).map(OperationDefinition.class::cast)
				.collect(Collectors.toMap(OperationDefinition::getUrl, d -> d));
	}

	private static Map<String, String> inputs(Method method) {
		return java.util.Arrays.stream(method.getParameters())
				.map(p -> Optional.ofNullable(p.getAnnotation(OperationParam.class)))
				.flatMap(Optional::stream)
				.collect(Collectors.toMap(OperationParam::name, p -> p.min() + ".." + (p.max() < 0 ? "*" : p.max())));
	}

	private static Map<String, String> inputs(OperationDefinition definition) {
		return definition.getParameter().stream()
				.filter(p -> p.getUse() == OperationParameterUse.IN)
				.collect(Collectors.toMap(OperationDefinitionParameterComponent::getName, p -> p.getMin() + ".." + p.getMax()));
	}
}
