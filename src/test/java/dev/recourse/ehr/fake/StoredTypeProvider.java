package dev.recourse.ehr.fake;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;

/**
 * Read of one resource type from the chart; the subclasses add the searches a type offers. A type with no
 * search of its own (Medication, Binary, Practitioner …) is served by {@link ReadOnly}.
 */
abstract class StoredTypeProvider implements IResourceProvider {
	protected final ChartStore store;
	private final Class<? extends IBaseResource> type;
	private final String typeName;

	StoredTypeProvider(ChartStore store, Class<? extends IBaseResource> type, String typeName) {
		this.store = store;
		this.type = type;
		this.typeName = typeName;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return type;
	}

	protected String typeName() {
		return typeName;
	}

	@Read
	public IBaseResource read(@IdParam IdType id) {
		return store.read(typeName, id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
	}

	/** The patient id that {@code patient} or {@code subject} names; 400 when neither names a patient. */
	protected static String patientId(ReferenceParam patient, ReferenceParam subject) {
		ReferenceParam given = patient != null ? patient : subject;
		if (given == null || given.getIdPart() == null) {
			throw new InvalidRequestException("this EHR searches by patient only: give patient or subject");
		}
		String type = given.getResourceType();
		if (type != null && !"Patient".equals(type)) {
			throw new InvalidRequestException("patient must name a Patient, not " + type);
		}
		return given.getIdPart();
	}

	protected static IBundleProvider page(List<IBaseResource> found) {
		return new SimpleBundleProvider(found);
	}

	static final class ReadOnly extends StoredTypeProvider {
		ReadOnly(ChartStore store, Class<? extends IBaseResource> type, String typeName) {
			super(store, type, typeName);
		}
	}
}
