package dev.recourse.submission;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.ehr.EhrConnection;
import dev.recourse.ehr.EhrProperties.ConfiguredEndpoint;
import dev.recourse.ehr.EndpointMapping;
import dev.recourse.security.guard.OutboundUrlPolicy;
import dev.recourse.server.LocalRepositories;
import dev.recourse.submission.SubmissionProperties.Payer;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The payers this server submits to. Each configured payer becomes an Endpoint resource at start-up (same id every
 * time) whose {@code managingOrganization} names the payer Organization by identifier; a packet goes to the payer
 * whose Organization identifier its {@code Claim.insurer} carries. The Endpoint resource is read at each delivery,
 * so its address is checked against the outbound URL policy then.
 */
@Component
public class PayerEndpoints {
	private static final Logger log = LoggerFactory.getLogger(PayerEndpoints.class);
	private final SubmissionProperties settings;
	private final LocalRepositories repositories;
	private final OutboundUrlPolicy outbound;

	PayerEndpoints(SubmissionProperties settings, LocalRepositories repositories, OutboundUrlPolicy outbound) {
		this.settings = settings;
		this.repositories = repositories;
		this.outbound = outbound;
		settings.payers().forEach(this::checkConfigured);
	}

	@Order(6)
	@EventListener(ApplicationReadyEvent.class)
	void registerConfigured() {
		for (Payer payer : settings.payers()) {
			try {
				repositories.forServer().update(toEndpoint(payer));
				log.info("Payer endpoint {} registered", payer.id());
			} catch (ResourceVersionConflictException sameMoment) {
				log.info("Payer endpoint {} registered by another instance", payer.id());
			}
		}
	}

	/** The id of the payer Endpoint the packet goes to: the one of its insurer; 422 when no payer is configured for it. */
	String endpointFor(Bundle packet) {
		List<Identifier> insurer = insurerIdentifiers(packet);
		return settings.payers().stream().filter(payer -> insurer.stream().anyMatch(id -> matches(payer, id))).map(Payer::id)
				.findFirst().orElseThrow(() -> new RecourseException(RecourseError.UNPROCESSABLE, "Claim.insurer",
						"No payer Endpoint is configured for the packet's insurer " + describe(insurer)
								+ " (recourse.submission.payers[n].organization)"));
	}

	/** The connection to a payer Endpoint, its address checked against the outbound policy. */
	EhrConnection connection(String endpointId) {
		Endpoint endpoint;
		try {
			endpoint = repositories.forServer().read(Endpoint.class, new IdType("Endpoint", endpointId));
		} catch (BaseServerResponseException gone) {
			throw new RecourseException(RecourseError.NOT_FOUND, "Endpoint", "There is no payer Endpoint/" + endpointId + " on this server");
		}
		EhrConnection connection = EndpointMapping.toConnection(endpoint);
		outbound.check(connection.baseUrl(), "Endpoint.address");
		return connection;
	}

	/**
	 * The connection to the configured payer whose address is this URL (a trailing slash aside): a URL a payer's
	 * message names (a PAS Task's payer-url) is called only when it is one of ours; empty when it is not.
	 */
	public Optional<EhrConnection> configuredAt(String url) {
		String wanted = withoutTrailingSlash(url);
		return settings.payers().stream().filter(payer -> withoutTrailingSlash(payer.address()).equals(wanted)).findFirst()
				.map(payer -> connection(payer.id()));
	}

	private static String withoutTrailingSlash(String url) {
		return url == null ? "" : url.replaceAll("/+$", "");
	}

	private static List<Identifier> insurerIdentifiers(Bundle packet) {
		Claim claim = PacketParts.claim(packet);
		Optional<Organization> insurer = PacketParts.resolve(packet, claim.getInsurer(), Organization.class);
		if (insurer.isPresent()) {
			return insurer.get().getIdentifier();
		}
		return claim.getInsurer().hasIdentifier() ? List.of(claim.getInsurer().getIdentifier()) : List.of();
	}

	private static boolean matches(Payer payer, Identifier identifier) {
		String organization = payer.organization() == null ? "" : payer.organization();
		return organization.equals(identifier.getSystem() + "|" + identifier.getValue());
	}

	private static String describe(List<Identifier> identifiers) {
		return identifiers.isEmpty() ? "(no identifier)"
				: String.join(", ", identifiers.stream().map(id -> id.getSystem() + "|" + id.getValue()).toList());
	}

	private static Endpoint toEndpoint(Payer payer) {
		Endpoint endpoint = EndpointMapping.toEndpoint(new ConfiguredEndpoint(payer.id(), payer.name(), payer.address(),
				payer.clientId(), payer.scope(), payer.keyAlias(), payer.tokenEndpoint()));
		String[] organization = payer.organization().split("\\|", 2);
		endpoint.setManagingOrganization(new Reference().setIdentifier(new Identifier().setSystem(organization[0]).setValue(organization[1])));
		return endpoint;
	}

	private void checkConfigured(Payer payer) {
		String name = "recourse.submission.payers[" + payer.id() + "]";
		if (payer.id() == null || !payer.id().matches("[A-Za-z0-9\\-.]{1,64}")) {
			throw new IllegalStateException(name + ".id must be a FHIR id (letters, digits, '-', '.'; at most 64)");
		}
		if (payer.organization() == null || !payer.organization().matches("[^|]+\\|[^|]+")) {
			throw new IllegalStateException(name + ".organization must be the payer Organization's identifier as system|value");
		}
		outbound.refusal(payer.address()).ifPresent(reason -> {
			throw new IllegalStateException(name + ".address: " + reason);
		});
	}
}
