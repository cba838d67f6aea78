package dev.recourse.demo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The demo EHR: a plain HAPI {@link RestfulServer} (no JPA, nothing written) at {@value #PATH}, serving {@link DemoChart}
 * read-only to SMART Backend Services clients ({@link DemoEhrAccess}), with HAPI's paging. It is another system as far
 * as the rest of the server knows: {@code $pull-history} reaches it over HTTP through its Endpoint, as any EHR. Not a
 * Spring bean of type RestfulServer: the server's own FHIR endpoint is the one such bean.
 */
@Configuration
@Conditional(DemoCondition.class)
class DemoEhr {
	static final String PATH = "/demo-ehr/fhir";
	/** What a pull searches by patient (ehr/pull ChartQueries), and what a chart else holds per patient. */
	private static final List<Class<? extends Resource>> PATIENT_RECORDS = List.of(Coverage.class, Condition.class, MedicationRequest.class,
			MedicationStatement.class, MedicationDispense.class, MedicationAdministration.class, AllergyIntolerance.class, Observation.class,
			Procedure.class, DiagnosticReport.class, DocumentReference.class, Encounter.class, Immunization.class);
	/** What those records name and a pull may read: medications, the people and places of care. */
	private static final List<Class<? extends Resource>> REFERENCED = List.of(Medication.class, Organization.class, Practitioner.class,
			PractitionerRole.class, Location.class);
	private static final int DEFAULT_PAGE_SIZE = 50;
	private static final int MAX_PAGE_SIZE = 200;

	@Bean
	ServletRegistrationBean<RestfulServer> demoEhrServlet(DemoChart chart) {
		RestfulServer server = new RestfulServer(FhirContext.forR4());
		server.setDefaultResponseEncoding(EncodingEnum.JSON);
		FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(100);
		paging.setDefaultPageSize(DEFAULT_PAGE_SIZE);
		paging.setMaximumPageSize(MAX_PAGE_SIZE);
		server.setPagingProvider(paging);
		server.registerProvider(new DemoEhrProviders.Patients(chart));
		PATIENT_RECORDS.forEach(type -> server.registerProvider(new DemoEhrProviders.PatientRecords(chart, type)));
		REFERENCED.forEach(type -> server.registerProvider(new DemoEhrProviders.Reads(chart, type)));
		server.registerInterceptor(new DemoEhrAccess());
		ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, PATH + "/*");
		registration.setName("demo-ehr");
		registration.setLoadOnStartup(2);
		return registration;
	}
}
