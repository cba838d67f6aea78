package dev.recourse.criteria;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.fhirpath.IFhirPath;
import ca.uhn.fhir.fhirpath.IFhirPathEvaluationContext;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Patient;

/**
 * FHIRPath for one evaluation of a policy: HAPI's engine with the evaluation's named values as
 * {@code %constants} ({@code %patient}, and each variable as it is computed). One per evaluation: the
 * engine holds its constants.
 */
final class PolicyFhirPath {
	private final FhirContext fhirContext;
	private final IFhirPath engine;
	private final Map<String, List<IBase>> constants = new HashMap<>();
	private final Patient patient;

	PolicyFhirPath(FhirContext fhirContext, Patient patient) {
		this.fhirContext = fhirContext;
		this.patient = patient;
		this.engine = fhirContext.newFhirPath();
		constants.put("patient", List.of(patient));
		engine.setEvaluationContext(new IFhirPathEvaluationContext() {
			@Override
			public List<IBase> resolveConstant(Object appContext, String name, ConstantEvaluationMode mode) {
				String bare = name.startsWith("%") ? name.substring(1) : name;
				List<IBase> value = constants.get(bare);
				if (value == null) {
					throw new IllegalArgumentException("%" + bare + " is not a variable the policy declares");
				}
				return value;
			}
		});
	}

	FhirContext fhirContext() {
		return fhirContext;
	}

	void define(String name, List<IBase> values) {
		constants.put(name, List.copyOf(values));
	}

	/** @param where the policy element the expression came from, named in a failure */
	List<IBase> evaluate(String expression, String where) {
		try {
			return engine.evaluate(patient, expression, IBase.class);
		} catch (RuntimeException e) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, where,
					"The policy's FHIRPath at " + where + " cannot be evaluated: " + e.getMessage());
		}
	}

	Optional<String> evaluateString(String expression) {
		return evaluate(expression, "Questionnaire.extension('variable')").stream().findFirst()
				.filter(IPrimitiveType.class::isInstance)
				.map(value -> ((IPrimitiveType<?>) value).getValueAsString());
	}
}
