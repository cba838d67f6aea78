package dev.recourse.security.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.util.FhirTerser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/**
 * The patients whose data an operation touched: the Patient compartment owners of the resource it was
 * called on, of the resources it was given and of those it answered with (inside Parameters and Bundles).
 */
@Component
class OperationPatients {
	private static final String PATIENT = "Patient";

	private final FhirContext fhirContext;
	private final DaoRegistry daos;

	OperationPatients(FhirContext fhirContext, DaoRegistry daos) {
		this.fhirContext = fhirContext;
		this.daos = daos;
	}

	/** Patient references ({@code Patient/1}, or absolute when a resource names another server's patient). */
	Set<String> of(RequestDetails request, IBaseResource output) {
		List<IBaseResource> touched = new ArrayList<>();
		target(request).ifPresent(touched::add);
		touched.add(request.getResource());
		touched.add(output);
		return owners(fhirContext, touched, request.getFhirServerBase());
	}

	/**
	 * As {@link #owners(FhirContext, Collection)}, with the entries of Bundles placed by their {@code fullUrl}: a
	 * resource of another server (a PAS request's, echoed back) names that server's patient by absolute URL — never a
	 * patient of ours that happens to have the same id — and one known only by {@code urn:uuid} names none.
	 */
	static Set<String> owners(FhirContext fhirContext, Collection<IBaseResource> resources, String serverBase) {
		Set<String> patients = new TreeSet<>();
		List<IBaseResource> local = new ArrayList<>();
		for (IBaseResource resource : resources) {
			if (resource instanceof Bundle bundle) {
				for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
					owners(fhirContext, java.util.Collections.singletonList(entry.getResource()), serverBase).stream()
							.map(owner -> placed(owner, entry.getFullUrl(), serverBase))
							.flatMap(Optional::stream)
							.forEach(patients::add);
				}
			} else if (resource instanceof Parameters parameters) {
				patients.addAll(owners(fhirContext, fromParameters(parameters.getParameter()), serverBase));
			} else {
				local.add(resource);
			}
		}
		patients.addAll(owners(fhirContext, local));
		return patients;
	}

	/** A patient reference made in a Bundle entry, where it points: here, at the server the entry came from, or unknown. */
	static Optional<String> placed(String owner, String fullUrl, String serverBase) {
		boolean elsewhere = fullUrl != null && (fullUrl.startsWith("http://") || fullUrl.startsWith("https://"))
				&& (serverBase == null || !fullUrl.startsWith(serverBase + "/"));
		if (owner.contains("://") || fullUrl == null || fullUrl.isBlank() || !elsewhere && !fullUrl.startsWith("urn:")) {
			return Optional.of(owner);
		}
		if (!elsewhere) {
			return Optional.empty();
		}
		String[] parts = fullUrl.split("/");
		if (parts.length < 5) {
			return Optional.empty();
		}
		String base = String.join("/", java.util.Arrays.copyOf(parts, parts.length - 2));
		return Optional.of(base + "/" + owner);
	}

	static Set<String> owners(FhirContext fhirContext, Collection<IBaseResource> resources) {
		FhirTerser terser = fhirContext.newTerser();
		Set<String> patients = new TreeSet<>();
		for (IBaseResource resource : unpacked(resources)) {
			if (resource instanceof Patient patient && patient.getIdElement().hasIdPart()) {
				patients.add(PATIENT + "/" + patient.getIdElement().getIdPart());
			} else if (hasPatientCompartment(fhirContext, resource)) {
				// the references themselves, not HAPI's compartment owners, which drop an absolute reference's server
				terser.getCompartmentReferencesForResource(PATIENT, resource, Set.<String>of())
						.map(reference -> reference.getReferenceElement())
						.filter(id -> PATIENT.equals(id.getResourceType()) && id.hasIdPart()) // not #contained, urn:uuid
						.map(id -> id.toVersionless().getValue())
						.forEach(patients::add);
			}
		}
		return patients;
	}

	/**
	 * The stored resource an instance-level operation was called on, read as the system (so the read is
	 * not audited twice); empty at type and server level and when it has no Patient compartment.
	 */
	private Optional<IBaseResource> target(RequestDetails request) {
		IIdType id = request.getId();
		if (id == null || !id.hasIdPart() || request.getResourceName() == null) {
			return Optional.empty();
		}
		if (PATIENT.equals(request.getResourceName())) {
			return Optional.of(new Patient().setId(PATIENT + "/" + id.getIdPart()));
		}
		if (!fhirContext.getResourceDefinition(request.getResourceName()).getSearchParamsForCompartmentName(PATIENT).isEmpty()) {
			try {
				return Optional.of(daos.getResourceDao(request.getResourceName())
						.read(id.withResourceType(request.getResourceName()).toUnqualifiedVersionless(), new SystemRequestDetails()));
			} catch (ResourceNotFoundException | ResourceGoneException e) {
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	private static boolean hasPatientCompartment(FhirContext fhirContext, IBaseResource resource) {
		return !fhirContext.getResourceDefinition(resource).getSearchParamsForCompartmentName(PATIENT).isEmpty();
	}

	/** The resources themselves, with those inside Parameters (parts too) and Bundle entries in their place. */
	private static List<IBaseResource> unpacked(Collection<IBaseResource> resources) {
		List<IBaseResource> unpacked = new ArrayList<>();
		for (IBaseResource resource : resources) {
			if (resource instanceof Parameters parameters) {
				unpacked.addAll(unpacked(fromParameters(parameters.getParameter())));
			} else if (resource instanceof Bundle bundle) {
				unpacked.addAll(unpacked(bundle.getEntry().stream().map(e -> (IBaseResource) e.getResource()).toList()));
			} else if (resource != null) {
				unpacked.add(resource);
			}
		}
		return unpacked;
	}

	private static List<IBaseResource> fromParameters(List<ParametersParameterComponent> parameters) {
		List<IBaseResource> resources = new ArrayList<>();
		for (ParametersParameterComponent parameter : parameters) {
			if (parameter.hasResource()) {
				resources.add(parameter.getResource());
			}
			resources.addAll(fromParameters(parameter.getPart()));
		}
		return resources;
	}
}
