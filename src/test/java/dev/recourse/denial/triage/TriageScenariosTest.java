package dev.recourse.denial.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.recourse.denial.CategoryFinding;
import dev.recourse.denial.DecisionLevel;
import dev.recourse.pathway.PathwayCode;
import dev.recourse.pathway.PathwayOption;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coverage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven triage scenarios from {@code triage/scenarios.yaml}: given a denial, plan and level, the
 * expected categories, regime, ranked pathways, deadlines, decision times, rationales and warnings.
 */
class TriageScenariosTest {

    private static final DenialTriage TRIAGE = DenialTriage.load(Clock.fixed(
            LocalDate.of(2026, 3, 10).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static Stream<Arguments> scenarios() throws IOException {
        try (InputStream in = TriageScenariosTest.class.getClassLoader().getResourceAsStream("triage/scenarios.yaml")) {
            Map<String, List<Map<String, Object>>> file = new ObjectMapper(new YAMLFactory())
                    .readValue(in, new TypeReference<>() { });
            return file.get("rows").stream().map(row -> Arguments.of(row.get("name"), new Scenario(row)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void triage(String name, Scenario scenario) {
        Triage triage = TRIAGE.triage(scenario.request());
        Expectations expect = scenario.expectations();
        assertDenialAndRegime(triage, expect);
        assertPathwaySet(triage, expect);
        assertClocks(triage, expect);
        assertWords(triage, expect);
        assertRanksAreConsistent(triage.pathways());
    }

    private static void assertDenialAndRegime(Triage triage, Expectations expect) {
        CategoryFinding top = triage.categories().get(0);
        expect.text("category").ifPresent(code -> assertThat(top.category().code())
                .as("primary category; basis %s", triage.categories()).isEqualTo(code));
        expect.number("maxConfidence").ifPresent(max -> assertThat(top.confidence()).isLessThanOrEqualTo(max));
        expect.number("minConfidence").ifPresent(min -> assertThat(top.confidence()).isGreaterThanOrEqualTo(min));
        expect.text("regime").ifPresent(code -> assertThat(triage.planRegime().code()).isEqualTo(code));
        expect.text("questions").ifPresent(text -> assertThat(String.join(" | ", triage.questions())).contains(text));
        expect.text("notes").ifPresent(text -> assertThat(String.join(" | ", triage.notes())).contains(text));
    }

    private static void assertPathwaySet(Triage triage, Expectations expect) {
        expect.text("first").ifPresent(code -> assertThat(triage.pathways().get(0).code().code())
                .as("rank-1 pathway of %s", codes(triage)).isEqualTo(code));
        expect.list("eligible").forEach(code -> assertThat(option(triage, code).eligible())
                .as(code + " eligible: " + option(triage, code).rationale()).isTrue());
        expect.list("ineligible").forEach(code -> assertThat(option(triage, code).eligible())
                .as(code + " not eligible").isFalse());
        expect.list("absent").forEach(code -> assertThat(codes(triage)).doesNotContain(code));
    }

    private static void assertClocks(Triage triage, Expectations expect) {
        expect.map("deadlines").forEach((code, date) -> assertThat(option(triage, code).filingDeadline())
                .as(code + " filing deadline; warnings " + option(triage, code).warnings())
                .isEqualTo(LocalDate.parse(date)));
        expect.list("noDeadline").forEach(code -> assertThat(option(triage, code).filingDeadline()).isNull());
        expect.list("noDecision").forEach(code -> assertThat(option(triage, code).decisionTime()).isNull());
        expect.map("decision").forEach((code, time) -> assertThat(shortTime(option(triage, code).decisionTime()))
                .as(code + " decision time").isEqualTo(time));
        expect.map("expedited").forEach((code, time) -> assertThat(
                shortTime(option(triage, code).expeditedDecisionTime())).as(code + " expedited").isEqualTo(time));
    }

    private static void assertWords(Triage triage, Expectations expect) {
        expect.map("rationale").forEach((code, text) -> assertThat(option(triage, code).rationale()).contains(text));
        expect.map("warnings").forEach((code, text) -> assertThat(String.join(" | ", option(triage, code).warnings()))
                .contains(text));
        expect.map("noWarnings").forEach((code, text) ->
                assertThat(String.join(" | ", option(triage, code).warnings())).doesNotContain(text));
    }

    /** Every answer: ranks 1..n, eligible options above ineligible ones, every option cited. */
    private static void assertRanksAreConsistent(List<PathwayOption> pathways) {
        for (int i = 0; i < pathways.size(); i++) {
            PathwayOption option = pathways.get(i);
            assertThat(option.rank()).isEqualTo(i + 1);
            assertThat(option.citations()).as(option.code() + " citations").isNotEmpty();
            assertThat(option.rationale()).isNotBlank();
            if (i > 0 && option.eligible()) {
                assertThat(pathways.get(i - 1).eligible()).as("eligible before ineligible").isTrue();
            }
        }
    }

    private static PathwayOption option(Triage triage, String code) {
        PathwayCode wanted = PathwayCode.fromCode(code);
        return triage.pathways().stream().filter(o -> o.code() == wanted).findFirst()
                .orElseThrow(() -> new AssertionError(code + " missing from " + codes(triage)));
    }

    private static List<String> codes(Triage triage) {
        return triage.pathways().stream().map(o -> o.code().code() + (o.eligible() ? "" : "(x)")).toList();
    }

    private static String shortTime(dev.recourse.pathway.DecisionTime time) {
        if (time == null) {
            return null;
        }
        return switch (time.unit()) {
            case HOURS -> time.amount() + " h";
            case CALENDAR_DAYS -> time.amount() + " d";
            default -> time.amount() + " " + time.unit().words();
        };
    }

    /** One row of the scenario file. */
    record Scenario(Map<String, Object> row) {

        TriageRequest request() {
            ClaimResponse denial = DenialFixtures.denial(text("notice"), text("use"), list("codes"));
            String asOf = row.containsKey("asOf") ? text("asOf") : "2026-03-10";
            return new TriageRequest(denial, coverage(), text("letter"),
                    row.containsKey("received") ? LocalDate.parse(text("received")) : null,
                    row.containsKey("level") ? DecisionLevel.fromCode(text("level")) : null,
                    Boolean.valueOf(String.valueOf(row.getOrDefault("urgent", "false"))),
                    LocalDate.parse(asOf).atTime(9, 0).atZone(NEW_YORK));
        }

        Expectations expectations() {
            @SuppressWarnings("unchecked")
            Map<String, Object> expect = (Map<String, Object>) row.get("expect");
            return new Expectations(expect);
        }

        private Coverage coverage() {
            if (row.containsKey("regime")) {
                return DenialFixtures.coverageWithRegime(text("regime"));
            }
            if (row.containsKey("regimeCode")) {
                return DenialFixtures.coverageWithRegimeCode(text("regimeCode"));
            }
            return row.containsKey("sopt") ? DenialFixtures.coverageWithSopt(text("sopt")) : null;
        }

        private String text(String key) {
            Object value = row.get(key);
            return value == null ? null : String.valueOf(value);
        }

        private List<String> list(String key) {
            Object value = row.get(key);
            return value == null ? List.of() : ((List<?>) value).stream().map(String::valueOf).toList();
        }
    }
}
