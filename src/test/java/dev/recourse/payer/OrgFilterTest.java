package dev.recourse.payer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.common.RecourseException;
import dev.recourse.security.Caller;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Identifier;
import org.junit.jupiter.api.Test;

/** Which requests a Subscription's orgIdentifier stands for, and which filters a provider system may set. */
class OrgFilterTest {
	private static final String NPI = "http://hl7.org/fhir/sid/us-npi";
	private static final TradingPartners PARTNERS = new TradingPartners(new PayerNotificationProperties(Map.of(
			"lakeside-ehr", List.of(NPI + "|8189991234"),
			"other-ehr", List.of(NPI + "|1999999984", "http://example.org/tax-id|8189991234")), null));

	@Test
	void filterByValue_matchesTheConfiguredIdentifiersOfThatValue() {
		OrgFilter byValue = OrgFilter.parse("orgIdentifier=8189991234", "f");

		assertThat(PARTNERS.identifiersFor(byValue)).containsExactlyInAnyOrder(NPI + "|8189991234", "http://example.org/tax-id|8189991234");
		assertThat(OrgFilter.anyIn(List.of(new Identifier().setSystem(NPI).setValue("8189991234")), PARTNERS.identifiersFor(byValue))).isTrue();
		// the same value in a system nobody is registered with is not the organization the filter names
		assertThat(OrgFilter.anyIn(List.of(new Identifier().setSystem("http://example.org/member").setValue("8189991234")),
				PARTNERS.identifiersFor(byValue))).isFalse();
	}

	@Test
	void filterBySystemAndValue_matchesThatIdentifierOnly() {
		OrgFilter exact = OrgFilter.parse("orgIdentifier=" + NPI + "|8189991234", "f");

		assertThat(exact).isEqualTo(new OrgFilter(Optional.of(NPI), "8189991234"));
		assertThat(PARTNERS.identifiersFor(exact)).containsExactly(NPI + "|8189991234");
		assertThat(OrgFilter.anyIn(List.of(new Identifier().setSystem(NPI).setValue("1999999984")), PARTNERS.identifiersFor(exact))).isFalse();
		assertThat(OrgFilter.anyIn(List.of(new Identifier().setValue("8189991234")), PARTNERS.identifiersFor(exact))).isFalse();
	}

	@Test
	void aProviderSystem_filtersOnItsOwnOrganizationsOnly() {
		Caller lakeside = caller("lakeside-ehr");

		PARTNERS.requireMayFilter(lakeside, OrgFilter.parse("orgIdentifier=8189991234", "f"), "f");
		PARTNERS.requireMayFilter(lakeside, OrgFilter.parse("orgIdentifier=" + NPI + "|8189991234", "f"), "f");
		assertForbidden(lakeside, "orgIdentifier=1999999984");
		assertForbidden(lakeside, "orgIdentifier=http://example.org/tax-id|8189991234");
		assertForbidden(caller("unregistered"), "orgIdentifier=8189991234");
	}

	@Test
	void configuredIdentifierWithoutSystem_stopsStartUp() {
		assertThatThrownBy(() -> new PayerNotificationProperties(Map.of("ehr", List.of("8189991234")), null))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("system|value");
	}

	private static void assertForbidden(Caller caller, String filter) {
		assertThatThrownBy(() -> PARTNERS.requireMayFilter(caller, OrgFilter.parse(filter, "f"), "f"))
				.isInstanceOf(RecourseException.class)
				.satisfies(e -> assertThat(((RecourseException) e).error().httpStatus()).isEqualTo(403));
	}

	private static Caller caller(String clientId) {
		return new Caller(clientId, Optional.empty(), Optional.empty(),
				List.of(dev.recourse.security.SmartScope.parse("system/Subscription.cruds").orElseThrow()), Optional.empty(), false);
	}
}
