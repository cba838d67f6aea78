package dev.recourse.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Resolves a core StructureDefinition named with the FHIR version ({@code http://hl7.org/fhir/StructureDefinition/Coverage|4.0.1},
 * as PAS 2.2.1's ClaimResponse.insurance.coverage target is) to the core definition HAPI holds without the version.
 * HAPI 8.8 does not (hapifhir/hapi-fhir#7564, #7453, open): a PAS denial naming its Coverage would fail validation.
 * The unversioned definition is asked of the chain this sits in, so no second copy of the core definitions is loaded.
 */
final class VersionedCoreCanonicals implements IValidationSupport {
	private static final String CORE = "http://hl7.org/fhir/StructureDefinition/";
	private final FhirContext fhirContext;
	private final IValidationSupport chain;
	private final String versionSuffix;

	VersionedCoreCanonicals(FhirContext fhirContext, IValidationSupport chain) {
		this.fhirContext = fhirContext;
		this.chain = chain;
		this.versionSuffix = "|" + fhirContext.getVersion().getVersion().getFhirVersionString();
	}

	@Override
	public FhirContext getFhirContext() {
		return fhirContext;
	}

	@Override
	public IBaseResource fetchStructureDefinition(String url) {
		if (url == null || !url.startsWith(CORE) || !url.endsWith(versionSuffix)) {
			return null;
		}
		// the unversioned url does not end in the version, so the chain's call does not come back here
		return chain.fetchStructureDefinition(url.substring(0, url.length() - versionSuffix.length()));
	}

	@Override
	public String getName() {
		return "versioned core canonicals";
	}
}
