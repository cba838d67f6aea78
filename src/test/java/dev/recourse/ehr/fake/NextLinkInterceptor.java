package dev.recourse.ehr.fake;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Watches the searchsets going out: remembers which search each page id belongs to (so faults keyed by
 * type also hit its later pages), and swaps in a foreign {@code next} link when a test scripted one.
 */
final class NextLinkInterceptor {
	private final Faults faults;
	private final RequestTarget.Pages pages;

	NextLinkInterceptor(Faults faults, RequestTarget.Pages pages) {
		this.faults = faults;
		this.pages = pages;
	}

	@Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
	public void outgoing(ServletRequestDetails request, ResponseDetails response) {
		if (!(response.getResponseResource() instanceof Bundle bundle) || bundle.getType() != Bundle.BundleType.SEARCHSET) {
			return;
		}
		RequestTarget target = pages.of(request.getServletRequest());
		Bundle.BundleLinkComponent next = bundle.getLink(Bundle.LINK_NEXT);
		if (next != null) {
			pages.remember(next.getUrl(), target);
		}
		faults.take(target, Faults.Kind.FOREIGN_NEXT_LINK).ifPresent(fault -> {
			if (next != null) {
				next.setUrl(fault.foreignUrl());
			} else {
				bundle.addLink().setRelation(Bundle.LINK_NEXT).setUrl(fault.foreignUrl());
			}
		});
	}
}
