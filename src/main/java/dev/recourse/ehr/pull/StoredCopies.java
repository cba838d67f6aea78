package dev.recourse.ehr.pull;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.param.TokenParam;
import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.Lists;
import com.google.common.collect.Multimap;
import dev.recourse.server.Searches;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Resource;

/**
 * Which copies of a pull are already stored exactly as the EHR now has them. Those are left out of the store: HAPI
 * would find each unchanged too, but only after extracting and comparing all its indexes, which made a re-pull of an
 * unchanged chart cost most of a first pull. A copy differs when its content, its profiles or its EHR differ; one
 * edited here since the last pull differs as well, so the EHR's version is stored over it, as it was before.
 */
final class StoredCopies {
	/** Ids per search: under the server's largest page (200 by default), so one page answers each chunk. */
	private static final int IDS_PER_SEARCH = 150;
	private final IParser parser;

	StoredCopies(FhirContext fhirContext) {
		this.parser = fhirContext.newJsonParser();
	}

	/** The copies split into those to store and those already stored as they are. */
	record Sorted(List<Resource> toStore, List<Resource> unchanged) {
		static Sorted allNew(List<Resource> copies) {
			return new Sorted(copies, List.of());
		}
	}

	Sorted sort(IRepository store, List<Resource> copies) {
		Map<String, IBaseResource> stored = stored(store, copies);
		Map<Boolean, List<Resource>> byUnchanged = copies.stream()
				.collect(Collectors.partitioningBy(copy -> same(copy, stored.get(key(copy)))));
		return new Sorted(byUnchanged.get(false), byUnchanged.get(true));
	}

	private Map<String, IBaseResource> stored(IRepository store, List<Resource> copies) {
		Map<String, IBaseResource> found = new HashMap<>();
		Map<String, List<String>> idsByType = copies.stream().collect(Collectors.groupingBy(Resource::fhirType,
				Collectors.mapping(copy -> copy.getIdElement().getIdPart(), Collectors.toList())));
		idsByType.forEach((type, ids) -> Lists.partition(ids, IDS_PER_SEARCH).forEach(chunk -> {
			Multimap<String, List<IQueryParameterType>> params = ArrayListMultimap.create();
			params.put("_id", chunk.stream().<IQueryParameterType>map(TokenParam::new).toList());
			Searches.everyMatch(store, resourceClass(store, type), params).forEach(resource -> found.put(key(resource), resource));
		}));
		return found;
	}

	private static Class<? extends IBaseResource> resourceClass(IRepository store, String type) {
		return store.fhirContext().getResourceDefinition(type).getImplementingClass();
	}

	private boolean same(Resource copy, IBaseResource stored) {
		if (!(stored instanceof Resource kept)) {
			return false;
		}
		return Objects.equals(profiles(copy), profiles(kept)) && Objects.equals(source(copy), source(kept))
				&& content(copy).equals(content(kept));
	}

	/** The resource without id and meta, as JSON: what the EHR said, apart from what the store adds. */
	private String content(Resource resource) {
		Resource bare = resource.copy();
		bare.setId((String) null);
		bare.setMeta(null);
		return parser.encodeResourceToString(bare);
	}

	private static List<String> profiles(Resource resource) {
		return resource.getMeta().getProfile().stream().map(CanonicalType::getValue).sorted().toList();
	}

	/** {@code meta.source} without the request id HAPI appends after {@code #}. */
	private static String source(Resource resource) {
		String source = resource.getMeta().getSource();
		return source == null ? null : source.split("#", 2)[0];
	}

	private static String key(IBaseResource resource) {
		return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
	}
}
