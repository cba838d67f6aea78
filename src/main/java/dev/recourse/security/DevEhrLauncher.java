package dev.recourse.security;

import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import dev.recourse.server.LocalRepositories;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.context.annotation.Profile;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code GET /dev-ehr/launch?patient=<id>[&app=<launch URL>]}: stands in for an EHR's "open this app for this
 * patient" button, so the SMART EHR launch can be shown and tested without an EHR. It opens a launch for the
 * patient and sends the browser to the app's launch page with {@code iss} and {@code launch} (SMART App Launch
 * §EHR launch). Development issuer only; it tells who asks whether a Patient id exists, which only matters for
 * data that is not a demonstration's.
 */
@RestController
@Profile("dev-issuer")
class DevEhrLauncher {
	static final String PATH = "/dev-ehr/launch";
	private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private final LocalRepositories repositories;
	private final LaunchContexts launches;
	private final DevIssuer issuer;
	private final AppLocations app;
	private final FhirBaseUrl fhirBase;

	DevEhrLauncher(LocalRepositories repositories, LaunchContexts launches, DevIssuer issuer, AppLocations app,
			FhirBaseUrl fhirBase) {
		this.repositories = repositories;
		this.launches = launches;
		this.issuer = issuer;
		this.app = app;
		this.fhirBase = fhirBase;
	}

	@GetMapping(PATH)
	ResponseEntity<String> launch(@RequestParam(name = "patient", required = false) String patient,
			@RequestParam(name = "app", required = false) String appUrl, HttpServletRequest request) {
		String root = issuer.issuer(request);
		String launchUrl = appUrl == null || appUrl.isBlank() ? root + AppLocations.DEFAULT_LAUNCH_PATH : appUrl;
		if (!app.isLaunchUrl(launchUrl, root)) {
			return page(400, "The app's launch URL must be on this server or on the origin of a configured redirect URI"
					+ " (recourse.security.dev-issuer.app.redirect-uris).");
		}
		if (patient == null || !FHIR_ID.matcher(patient).matches()) {
			return page(400, "Name the patient by id: " + PATH + "?patient=<Patient id>");
		}
		if (!exists(patient)) {
			return page(404, "There is no Patient/" + patient + " on this server.");
		}
		String launch;
		try {
			launch = launches.open(patient);
		} catch (IllegalStateException full) {
			return page(503, full.getMessage());
		}
		URI target = UriComponentsBuilder.fromUriString(launchUrl)
				.queryParam("iss", fhirBase.under(root))
				.queryParam("launch", launch)
				.encode()
				.build()
				.toUri();
		return ResponseEntity.status(302).location(target).cacheControl(CacheControl.noStore()).build();
	}

	/**
	 * Read as the server: the launcher plays the EHR, which knows its own patients; nothing of the record leaves
	 * here but whether it exists.
	 */
	private boolean exists(String patientId) {
		try {
			repositories.forServer().read(Patient.class, new IdType("Patient", patientId));
			return true;
		} catch (ResourceNotFoundException | ResourceGoneException absent) {
			return false;
		}
	}

	private static ResponseEntity<String> page(int status, String message) {
		String text = HtmlUtils.htmlEscape(message);
		return ResponseEntity.status(status)
				.contentType(HTML)
				.cacheControl(CacheControl.noStore())
				.body("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Development EHR launcher</title>"
						+ "</head><body><h1>Cannot launch the app</h1><p>" + text + "</p></body></html>");
	}
}
