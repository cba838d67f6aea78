package dev.recourse.demo;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * The demo EHR's FHIR interactions, all read-only: read of every type it holds; Patient search by {@code identifier}
 * or {@code _id}; for the chart's clinical types, search by {@code patient} (or {@code subject}) with an optional
 * {@code category}, as a pull asks.
 */
final class DemoEhrProviders {

	private DemoEhrProviders() {
	}

	/** Read of one type. */
	static class Reads implements IResourceProvider {
		protected final DemoChart chart;
		private final Class<? extends Resource> type;

		Reads(DemoChart chart, Class<? extends Resource> type) {
			this.chart = chart;
			this.type = type;
		}

		@Override
		public Class<? extends IBaseResource> getResourceType() {
			return type;
		}

		protected String typeName() {
			return type.getSimpleName();
		}

		@Read
		public IBaseResource read(@IdParam IdType id) {
			return chart.read(typeName(), id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
		}
	}

	/** Patients, found by an identifier ({@code system|value}) or id; never by name. */
	static final class Patients extends Reads {
		Patients(DemoChart chart) {
			super(chart, Patient.class);
		}

		@Search
		public IBundleProvider search(@OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam identifier, @OptionalParam(name = "_id") TokenParam id) {
			if (identifier == null && id == null) {
				throw new InvalidRequestException("The demo EHR finds patients by identifier or _id only");
			}
			return new SimpleBundleProvider(chart.find("Patient", resource ->
					(id == null || id.getValue().equals(resource.getIdElement().getIdPart()))
							&& (identifier == null || DemoChart.hasIdentifier((Patient) resource, identifier.getSystem(), identifier.getValue()))));
		}
	}

	/** A clinical type of the chart, searched by patient and optionally by category and code (each an OR list of system|code or code). */
	static final class PatientRecords extends Reads {
		PatientRecords(DemoChart chart, Class<? extends Resource> type) {
			super(chart, type);
		}

		@Search
		public IBundleProvider search(@OptionalParam(name = "patient") ReferenceParam patient, @OptionalParam(name = "subject") ReferenceParam subject,
				@OptionalParam(name = Observation.SP_CATEGORY) TokenOrListParam category, @OptionalParam(name = Observation.SP_CODE) TokenOrListParam code) {
			String patientId = patientId(patient != null ? patient : subject);
			return new SimpleBundleProvider(chart.find(typeName(), resource -> chart.belongsTo(resource, patientId)
					&& anyMatch(chart.categories(resource), category) && anyMatch(chart.codes(resource), code)));
		}

		private static String patientId(ReferenceParam patient) {
			if (patient == null || patient.getIdPart() == null || patient.getResourceType() != null && !"Patient".equals(patient.getResourceType())) {
				throw new InvalidRequestException("The demo EHR searches its charts by patient only: give patient=<Patient id>");
			}
			return patient.getIdPart();
		}

		/** No tokens asked: any concept will do; else one of the concepts' codings matches one of the tokens. */
		private static boolean anyMatch(List<CodeableConcept> concepts, TokenOrListParam tokens) {
			if (tokens == null || tokens.getValuesAsQueryTokens().isEmpty()) {
				return true;
			}
			List<Coding> codings = concepts.stream().flatMap(concept -> concept.getCoding().stream()).toList();
			return tokens.getValuesAsQueryTokens().stream().anyMatch(token -> codings.stream().anyMatch(coding -> matches(token, coding)));
		}

		/** {@code system|code}, or {@code code} in any system. */
		private static boolean matches(TokenParam token, Coding coding) {
			boolean anySystem = token.getSystem() == null || token.getSystem().isEmpty();
			return (anySystem || token.getSystem().equals(coding.getSystem())) && token.getValue() != null && token.getValue().equals(coding.getCode());
		}
	}
}
