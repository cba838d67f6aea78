package dev.recourse.common;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class ClientErrorLogFilterTest {
	private final LoggerContext context = new LoggerContext();
	private final ClientErrorLogFilter filter = new ClientErrorLogFilter();

	@Test
	void hapiHookErrorForA4xx_isDropped() {
		assertThat(decide(ClientErrorLogFilter.HAPI_HOOK_LOGGER, new UnprocessableEntityException("no")))
				.isEqualTo(FilterReply.DENY);
	}

	@Test
	void hapiHookErrorForOurOwn4xx_isDropped() {
		assertThat(decide(ClientErrorLogFilter.HAPI_HOOK_LOGGER,
				new RecourseException(RecourseError.UNPROCESSABLE, "Subscription.channel.endpoint", "not allowed")))
				.isEqualTo(FilterReply.DENY);
	}

	@Test
	void hapiHookErrorForOurOwn500_isKept() {
		assertThat(decide(ClientErrorLogFilter.HAPI_HOOK_LOGGER,
				new RecourseException(RecourseError.INTERNAL_ERROR, null, "broken")))
				.isEqualTo(FilterReply.NEUTRAL);
	}

	@Test
	void hapiHookErrorForA500_isKept() {
		assertThat(decide(ClientErrorLogFilter.HAPI_HOOK_LOGGER, new InternalErrorException("boom")))
				.isEqualTo(FilterReply.NEUTRAL);
	}

	@Test
	void otherLoggers_areUntouched() {
		assertThat(decide("dev.recourse.anything", new UnprocessableEntityException("no")))
				.isEqualTo(FilterReply.NEUTRAL);
	}

	private FilterReply decide(String loggerName, Exception failure) {
		return filter.decide(null, context.getLogger(loggerName), Level.ERROR, "Exception thrown by interceptor for pointcut {}: {}",
				new Object[] {"STORAGE_PRESTORAGE_RESOURCE_CREATED", failure.toString(), failure}, null);
	}
}
