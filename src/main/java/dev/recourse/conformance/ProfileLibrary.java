package dev.recourse.conformance;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Our conformance resources as generated from {@code ig/} into {@code profiles/} and packaged into the
 * server: StructureDefinitions, CodeSystems, ValueSets, SearchParameters, OperationDefinitions and the
 * CapabilityStatement. The guide's examples sit beside them and are not part of the library.
 */
@Component
class ProfileLibrary {
	static final String STRUCTURE_DEFINITION_BASE = "http://recourse.dev/fhir/StructureDefinition/";
	private static final Set<String> CONFORMANCE_TYPES = Set.of(
			"StructureDefinition", "CodeSystem", "ValueSet", "SearchParameter", "OperationDefinition", "CapabilityStatement", "Measure");

	private final List<IBaseResource> conformanceResources;
	private final List<IBaseResource> examples;

	ProfileLibrary(FhirContext fhirContext, ConformanceProperties settings) {
		List<IBaseResource> all = readAll(fhirContext, settings.profiles());
		this.conformanceResources = all.stream().filter(ProfileLibrary::isConformance).toList();
		this.examples = all.stream().filter(r -> !isConformance(r)).toList();
	}

	List<IBaseResource> conformanceResources() {
		return conformanceResources;
	}

	/** What the validator itself looks up: profiles, extensions, code systems and value sets. */
	List<IBaseResource> validationResources() {
		return conformanceResources.stream()
				.filter(r -> Set.of("StructureDefinition", "CodeSystem", "ValueSet").contains(r.fhirType()))
				.toList();
	}

	List<IBaseResource> examples() {
		return examples;
	}

	static boolean isOurProfile(String canonical) {
		return canonical != null && canonical.startsWith(STRUCTURE_DEFINITION_BASE);
	}

	private static boolean isConformance(IBaseResource resource) {
		return CONFORMANCE_TYPES.contains(resource.fhirType());
	}

	private static List<IBaseResource> readAll(FhirContext fhirContext, String pattern) {
		List<IBaseResource> resources = new ArrayList<>();
		for (Resource file : files(pattern)) {
			try (InputStream in = file.getInputStream()) {
				resources.add(fhirContext.newJsonParser().parseResource(in));
			} catch (IOException e) {
				throw new UncheckedIOException("Cannot read conformance resource " + file.getFilename(), e);
			}
		}
		return List.copyOf(resources);
	}

	private static Resource[] files(String pattern) {
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources(pattern);
			Arrays.sort(files, Comparator.comparing(Resource::getFilename));
			return files;
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot list conformance resources at " + pattern, e);
		}
	}
}
