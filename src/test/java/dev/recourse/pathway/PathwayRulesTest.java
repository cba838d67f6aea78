package dev.recourse.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.denial.RuleFileException;
import org.junit.jupiter.api.Test;

class PathwayRulesTest {

    private static final ClockRules CLOCKS = ClockRules.load();

    @Test
    void load_shippedFile_loads() {
        assertThat(PathwayRules.load(CLOCKS).size()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void load_unknownClock_failsNamingFileAndRow() {
        assertThatThrownBy(() -> PathwayRules.load("rules/broken/pathways-unknown-clock.yaml", CLOCKS))
                .isInstanceOf(RuleFileException.class)
                .hasMessageContaining("rules/broken/pathways-unknown-clock.yaml row 1")
                .hasMessageContaining("no-such-clock");
    }

    @Test
    void load_unknownPathwayCode_fails() {
        assertThatThrownBy(() -> PathwayRules.load("rules/broken/pathways-bad-code.yaml", CLOCKS))
                .isInstanceOf(RuleFileException.class)
                .hasMessageContaining("row 1")
                .hasMessageContaining("unknown pathway code 'appeal-harder'");
    }

    @Test
    void load_missingCitation_fails() {
        assertThatThrownBy(() -> PathwayRules.load("rules/broken/pathways-no-citation.yaml", CLOCKS))
                .isInstanceOf(RuleFileException.class)
                .hasMessageContaining("citations");
    }
}
