package dev.recourse.payer;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

class RequestShapeTest {
	private static final String WHAT = "PAS request Bundle";

	@Test
	void guidesRequest_passes() {
		assertThatCode(() -> RequestShape.check(PasFixtures.referral(), WHAT)).doesNotThrowAnyException();
	}

	@Test
	void transaction_isRefused_namingTheType() {
		assertRefused(PasFixtures.referral().setType(Bundle.BundleType.TRANSACTION), "Bundle.type", "of type transaction");
	}

	@Test
	void withoutIdentifier_isRefused_sayingItIsTheIdempotencyKey() {
		assertRefused(PasFixtures.referral().setIdentifier(null), "Bundle.identifier", "never files twice");
	}

	@Test
	void empty_isRefused() {
		Bundle empty = PasFixtures.referral();
		empty.getEntry().clear();
		assertRefused(empty, "Bundle.entry", "holds nothing");
	}

	@Test
	void patientFirst_isRefused_namingWhatCameFirst() {
		Bundle bundle = PasFixtures.referral();
		bundle.getEntry().add(0, bundle.getEntry().remove(4));
		assertRefused(bundle, "Bundle.entry[0].resource", "Patient/SubscriberExample");
	}

	@Test
	void entryWithoutFullUrl_orTwice_isRefused() {
		Bundle noFullUrl = PasFixtures.referral();
		noFullUrl.getEntry().get(2).setFullUrl(null);
		Bundle twice = PasFixtures.referral();
		twice.getEntry().get(2).setFullUrl(twice.getEntry().get(1).getFullUrl());

		assertRefused(noFullUrl, "Bundle.entry[2].fullUrl", "has none");
		assertRefused(twice, "Bundle.entry[2].fullUrl", "appears twice");
	}

	private static void assertRefused(Bundle bundle, String element, String words) {
		assertThatThrownBy(() -> RequestShape.check(bundle, WHAT)).isInstanceOfSatisfying(RecourseException.class, refusal -> {
			org.assertj.core.api.Assertions.assertThat(refusal.error()).isEqualTo(RecourseError.UNPROCESSABLE);
			org.assertj.core.api.Assertions.assertThat(refusal.element()).isEqualTo(element);
			org.assertj.core.api.Assertions.assertThat(refusal.getMessage()).contains(words);
		});
	}
}
