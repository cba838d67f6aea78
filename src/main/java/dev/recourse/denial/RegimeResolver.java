package dev.recourse.denial;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Extension;

/**
 * Finds the plan regime: our {@code plan-regime} extension on Coverage when present (authoritative), else
 * Coverage.type in SOPT via {@code rules/sopt.yaml}, else {@code unknown} with every regime plausible and a
 * question to ask.
 */
public final class RegimeResolver {

    public static final String RESOURCE = "rules/sopt.yaml";

    static final String UNKNOWN_QUESTION = "What kind of plan is it: an employer plan (self-funded or fully insured),"
            + " an individual/marketplace plan, a state or local government employer plan, FEHB, Medicare"
            + " (Original, Advantage or Part D) or Medicaid (managed care or fee-for-service)?";

    private final List<SoptRule> soptRules;

    private RegimeResolver(List<SoptRule> soptRules) {
        this.soptRules = soptRules;
    }

    public static RegimeResolver load() {
        return new RegimeResolver(RuleFile.load(RESOURCE, RegimeResolver::parse));
    }

    public RegimeFinding resolve(Coverage coverage) {
        if (coverage == null) {
            return unknown("No Coverage was given, so the plan regime is unknown.");
        }
        Optional<PlanRegime> declared = declaredRegime(coverage);
        if (declared.isPresent()) {
            return new RegimeFinding(declared.get(), List.of(declared.get()),
                    List.of("Coverage.extension('plan-regime') says " + declared.get().code() + "."), List.of());
        }
        return coverage.getType().getCoding().stream()
                .filter(coding -> CodeSystems.SOPT.equals(coding.getSystem()) && coding.hasCode())
                .map(this::fromSopt).flatMap(Optional::stream).findFirst()
                .orElseGet(() -> unknown("Coverage has neither the plan-regime extension nor a SOPT Coverage.type"
                        + " we recognise, so the plan regime is unknown."));
    }

    private static Optional<PlanRegime> declaredRegime(Coverage coverage) {
        Extension extension = coverage.getExtensionByUrl(CodeSystems.RECOURSE_PLAN_REGIME);
        if (extension == null) {
            return Optional.empty();
        }
        String code = declaredCode(extension);
        return Optional.of(PlanRegime.findByCode(code).orElseThrow(() -> new TriageException(
                TriageException.INVALID_INPUT, "Coverage.extension('plan-regime')",
                "plan-regime must be a code of " + PlanRegime.SYSTEM + ", not '" + code + "'.")));
    }

    /** The profile (ig/) types the extension as CodeableConcept; a bare Coding or code is read too. */
    private static String declaredCode(Extension extension) {
        if (extension.getValue() instanceof CodeableConcept concept) {
            return concept.getCoding().stream().filter(c -> PlanRegime.SYSTEM.equals(c.getSystem()))
                    .map(Coding::getCode).findFirst().orElse(null);
        }
        return extension.getValue() instanceof Coding coding ? coding.getCode()
                : extension.getValue() == null ? null : extension.getValue().primitiveValue();
    }

    private Optional<RegimeFinding> fromSopt(Coding coding) {
        return soptRules.stream().filter(rule -> coding.getCode().startsWith(rule.code()))
                .max(Comparator.comparingInt(rule -> rule.code().length()))
                .map(rule -> finding(coding.getCode(), rule));
    }

    private static RegimeFinding finding(String code, SoptRule rule) {
        String basis = "Coverage.type SOPT " + code + " (\"" + rule.description() + "\", " + rule.citation().text()
                + ")";
        if (rule.regime() != null) {
            return new RegimeFinding(rule.regime(), List.of(rule.regime()),
                    List.of(basis + " → " + rule.regime().code() + "; the SOPT mapping is unconfirmed."),
                    List.of("Please confirm the plan is a " + rule.regime().label() + "."));
        }
        return new RegimeFinding(PlanRegime.UNKNOWN, rule.plausible(),
                List.of(basis + " leaves " + codes(rule.plausible()) + " possible."), List.of(rule.question()));
    }

    private static RegimeFinding unknown(String basis) {
        List<PlanRegime> all = Arrays.stream(PlanRegime.values()).filter(r -> r != PlanRegime.UNKNOWN).toList();
        return new RegimeFinding(PlanRegime.UNKNOWN, all, List.of(basis), List.of(UNKNOWN_QUESTION));
    }

    private static String codes(List<PlanRegime> regimes) {
        return String.join(", ", regimes.stream().map(PlanRegime::code).toList());
    }

    private static SoptRule parse(RuleRow row) {
        String regime = row.optional("regime");
        List<PlanRegime> plausible = row.list("plausible").stream().map(PlanRegime::fromCode).toList();
        if ((regime == null) == plausible.isEmpty()) {
            throw row.problem("give either 'regime' or 'plausible', not both or neither");
        }
        if (regime == null && row.optional("question") == null) {
            throw row.problem("a row with 'plausible' needs a 'question'");
        }
        return new SoptRule(row.required("code"), row.required("description"),
                regime == null ? null : PlanRegime.fromCode(regime), plausible, row.optional("question"),
                new Citation(row.required("citation"), row.confidence()));
    }
}
