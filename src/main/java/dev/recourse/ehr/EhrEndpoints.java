package dev.recourse.ehr;

import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.ehr.EhrProperties.ConfiguredEndpoint;
import dev.recourse.security.guard.OutboundUrlPolicy;
import dev.recourse.server.LocalRepositories;
import java.util.Optional;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The EHRs this server may read from. Configured ones become Endpoint resources at start-up (same id
 * every time, so several instances and restarts converge); others may be added over the API. Either way
 * an Endpoint is used only when its address passes the outbound URL policy: a caller names an Endpoint,
 * never a URL.
 */
@Component
public class EhrEndpoints {
	private static final Logger log = LoggerFactory.getLogger(EhrEndpoints.class);
	private final EhrProperties settings;
	private final LocalRepositories repositories;
	private final OutboundUrlPolicy outbound;

	EhrEndpoints(EhrProperties settings, LocalRepositories repositories, OutboundUrlPolicy outbound) {
		this.settings = settings;
		this.repositories = repositories;
		this.outbound = outbound;
		settings.endpoints().forEach(this::checkConfigured);
	}

	@Order(5)
	@EventListener(ApplicationReadyEvent.class)
	void registerConfigured() {
		for (ConfiguredEndpoint configured : settings.endpoints()) {
			try {
				repositories.forServer().update(EndpointMapping.toEndpoint(configured));
				log.info("EHR endpoint {} registered", configured.id());
			} catch (ResourceVersionConflictException sameMoment) {
				// another instance sharing the database wrote the same Endpoint at the same moment
				log.info("EHR endpoint {} registered by another instance", configured.id());
			}
		}
	}

	/**
	 * The connection to the named Endpoint, or to the configured default when none is named.
	 *
	 * @param named a reference {@code Endpoint/<id>} from the caller
	 */
	public EhrConnection connection(Optional<Reference> named) {
		String id = named.map(EhrEndpoints::endpointId).orElseGet(this::defaultId);
		Endpoint endpoint = read(id);
		EhrConnection connection = EndpointMapping.toConnection(endpoint);
		outbound.check(connection.baseUrl(), "Endpoint.address");
		return connection;
	}

	private String defaultId() {
		if (settings.defaultEndpoint().isBlank()) {
			throw new RecourseException(RecourseError.INVALID_INPUT, "endpoint",
					"Name the EHR's Endpoint in the 'endpoint' parameter: this server has no default EHR (recourse.ehr.default-endpoint)");
		}
		return settings.defaultEndpoint();
	}

	private static String endpointId(Reference reference) {
		IdType id = new IdType(reference.getReference());
		if (!reference.hasReference() || !"Endpoint".equals(id.getResourceType()) || !id.hasIdPart() || id.isAbsolute()) {
			throw new RecourseException(RecourseError.INVALID_INPUT, "endpoint",
					"The 'endpoint' parameter must be a relative reference Endpoint/<id> to an Endpoint on this server, not a URL");
		}
		return id.getIdPart();
	}

	private Endpoint read(String id) {
		try {
			return repositories.forServer().read(Endpoint.class, new IdType("Endpoint", id));
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			throw new RecourseException(RecourseError.NOT_FOUND, "endpoint", "There is no Endpoint/" + id + " on this server");
		}
	}

	private void checkConfigured(ConfiguredEndpoint configured) {
		String name = "recourse.ehr.endpoints[" + configured.id() + "]";
		if (configured.id() == null || !configured.id().matches("[A-Za-z0-9\\-.]{1,64}")) {
			throw new IllegalStateException(name + ".id must be a FHIR id (letters, digits, '-', '.'; at most 64)");
		}
		outbound.refusal(configured.address()).ifPresent(reason -> {
			throw new IllegalStateException(name + ".address: " + reason);
		});
	}
}
