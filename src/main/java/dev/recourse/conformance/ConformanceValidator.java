package dev.recourse.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.validation.JpaValidationSupportChain;
import ca.uhn.fhir.sl.cache.Cache;
import ca.uhn.fhir.sl.cache.CacheFactory;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ValueSet;
import org.springframework.stereotype.Component;

/**
 * Validates a resource against the profiles it claims (or the ones given) and drops the messages that
 * are known noise here, by message id from one configured list, never by switching validation off.
 */
@Component
public class ConformanceValidator {
	private final FhirValidator validator;
	private final ConformanceProperties settings;
	private final ConformancePackages packages;
	private final FhirContext fhirContext;
	private final JpaValidationSupportChain definitions;
	/**
	 * $assemble validates a packet to answer 422 with the findings, then stores it, and the store's profile check
	 * would validate the same content again (~0.6 s a packet): the last few Bundles' verdicts are kept.
	 */
	private final Cache<String, List<SingleValidationMessage>> recentBundles = CacheFactory.build(TimeUnit.MINUTES.toMillis(10), 16);

	ConformanceValidator(FhirValidator profileValidator, ConformanceProperties settings, ConformancePackages packages, FhirContext fhirContext,
			JpaValidationSupportChain definitions) {
		this.definitions = definitions;
		this.validator = profileValidator;
		this.settings = settings;
		this.packages = packages;
		this.fhirContext = fhirContext;
	}

	/** Every message that counts, of every severity. */
	public List<SingleValidationMessage> validate(IBaseResource resource, String... profiles) {
		if (!(resource instanceof IBaseBundle)) {
			return validateNow(resource, profiles);
		}
		return recentBundles.get(ValidationKey.of(fhirContext, resource, profiles), key -> validateNow(resource, profiles));
	}

	private List<SingleValidationMessage> validateNow(IBaseResource resource, String... profiles) {
		packages.awaitInstalled();
		ValidationOptions options = new ValidationOptions();
		for (String profile : profiles) {
			options.addProfile(profile);
		}
		return validator.validateWithResult(resource, options).getMessages().stream()
				// some messages carry no id (Set.of rejects null lookups)
				.filter(message -> message.getMessageId() == null || !settings.ignoredMessageIds().contains(message.getMessageId()))
				.toList();
	}

	/** Only the errors and fatal errors that count. */
	public List<SingleValidationMessage> errors(IBaseResource resource, String... profiles) {
		return validate(resource, profiles).stream()
				.filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
				.toList();
	}

	/** The code systems a ValueSet of the loaded packages includes whole or in part (compose.include.system); empty when unknown. */
	public Set<String> includedSystems(String valueSetUrl) {
		packages.awaitInstalled();
		return definitions.fetchValueSet(valueSetUrl) instanceof ValueSet valueSet
				? valueSet.getCompose().getInclude().stream().map(ValueSet.ConceptSetComponent::getSystem).filter(system -> system != null)
						.collect(Collectors.toUnmodifiableSet())
				: Set.of();
	}
}
