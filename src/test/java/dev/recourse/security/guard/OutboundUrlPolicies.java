package dev.recourse.security.guard;

import java.util.List;

/** Outbound URL policies for unit tests in other packages, without opening the policy's constructor to main code. */
public final class OutboundUrlPolicies {
	private OutboundUrlPolicies() {}

	public static OutboundUrlPolicy allowing(String... urls) {
		return new OutboundUrlPolicy(List.of(urls));
	}
}
