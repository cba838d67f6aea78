package dev.recourse.criteria;

import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.rest.param.TokenParam;
import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.Multimap;
import dev.recourse.server.LocalRepositories;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Questionnaire;
import org.springframework.stereotype.Component;

/**
 * What the active coverage policies ask of a chart, read from their SDC {@code x-fhir-query} variables, as DTR reads a
 * questionnaire's data requirements. A pull for an appeal is a use for payment, so HIPAA's minimum-necessary standard
 * (45 CFR 164.502(b)) applies: the pull asks the EHR for the Observations these queries name instead of every lab
 * result and vital sign of a lifetime. Asked on each call, so a policy added over the API widens the next pull.
 */
@Component
public class PolicyDataRequirements {
	private final LocalRepositories repositories;
	private final PolicyVersions policies;

	PolicyDataRequirements(LocalRepositories repositories, PolicyVersions policies) {
		this.repositories = repositories;
		this.policies = policies;
	}

	/** The Observations the active policies query, over all of them. */
	public ObservationNeeds observations() {
		Multimap<String, List<IQueryParameterType>> params = ArrayListMultimap.create();
		params.put("status", List.of(new TokenParam("active")));
		List<String> queries = policies.search(repositories.forServer(), params).stream()
				.filter(policy -> policy.getExtensionByUrl(PolicyExtensions.APPLICABILITY) != null)
				.flatMap(PolicyDataRequirements::observationQueries).toList();
		return ObservationNeeds.of(queries);
	}

	private static java.util.stream.Stream<String> observationQueries(Questionnaire policy) {
		return policy.getExtensionsByUrl(PolicyExtensions.VARIABLE).stream().map(Extension::getValue)
				.filter(Expression.class::isInstance).map(Expression.class::cast)
				.filter(expression -> PolicyExtensions.FHIR_QUERY.equals(expression.getLanguage()) && expression.hasExpression())
				.map(Expression::getExpression).filter(query -> query.startsWith("Observation?") || query.equals("Observation"));
	}

	/**
	 * @param everyLabOrVital some policy queries Observations without naming codes (or by a value set): every laboratory
	 *        result and vital sign is needed
	 * @param codes {@code system|code} of every Observation code the policies name
	 */
	public record ObservationNeeds(boolean everyLabOrVital, Set<String> codes) {
		public ObservationNeeds {
			codes = Set.copyOf(codes);
		}

		/** Nothing at all: no policy queries Observations. */
		public boolean none() {
			return !everyLabOrVital && codes.isEmpty();
		}

		static ObservationNeeds of(List<String> observationQueries) {
			boolean every = false;
			Set<String> codes = new TreeSet<>();
			for (String query : observationQueries) {
				Optional<String> named = codeParameter(query);
				every |= named.isEmpty();
				named.ifPresent(value -> codes.addAll(Arrays.asList(value.split(","))));
			}
			return new ObservationNeeds(every, codes);
		}

		/** The value of the query's plain {@code code} parameter; a modifier such as {@code :in} cannot be listed here. */
		private static Optional<String> codeParameter(String query) {
			int question = query.indexOf('?');
			if (question < 0) {
				return Optional.empty();
			}
			return Arrays.stream(query.substring(question + 1).split("&"))
					.filter(pair -> pair.startsWith("code="))
					.map(pair -> URLDecoder.decode(pair.substring("code=".length()), StandardCharsets.UTF_8))
					.filter(value -> !value.isBlank()).findFirst();
		}
	}
}
