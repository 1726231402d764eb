package org.wardwatch.model.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.escalation.EscalationPolicy;
import org.wardwatch.model.escalation.EscalationStep;
import org.wardwatch.model.escalation.EscalationStep.Kind;

/** A ward's {@code escalation} in the {@code wards} block, as synth and the function read it. */
class WardEscalationTest {

    private static final String TENANT = """
            {"tenantId": "st-aurelia", "account": "123456789012", "region": "eu-west-2",
             "contacts": [ { "protocol": "sms", "endpoint": "+15555550100", "minimumSeverity": "CRITICAL" } ],
             "wards": %s}""";

    private static String wards(String wards) {
        return TENANT.formatted(wards);
    }

    private static EscalationStep step(int minutes, int tier, Kind kind) {
        return new EscalationStep(Duration.ofMinutes(minutes), tier, kind);
    }

    @Test
    void aWardNamingNoEscalation_andAWardNotNamed_haveTheDefaults() {
        String text = wards("{\"W5\": {\"vitals\": \"news2\"}}");

        TenantConfig config = TenantConfigReader.parse(text, "t.json");
        FunctionConfig function = FunctionConfigReader.parse(text, "t.json");

        assertThat(config.wardEscalation()).isEmpty();
        assertThat(function.wardEscalation()).isEmpty();
        assertThat(config.escalationOf("W5")).isEqualTo(EscalationPolicy.defaults());
        assertThat(function.escalationOf("W5")).isEqualTo(EscalationPolicy.defaults());
        assertThat(function.escalationOf("W6")).isEqualTo(EscalationPolicy.defaults());
        assertThat(function.escalationOf(null)).isEqualTo(EscalationPolicy.defaults());
        assertThat(FunctionConfig.defaults().escalationOf("W5")).isEqualTo(EscalationPolicy.defaults());
    }

    @Test
    void aCriticalList_replacesTheDefaultCriticalSteps_andTheWarningStepsStayTheDefaults() {
        String text = wards("""
                {"W5": {"vitals": "news2", "escalation": {"critical": [
                    {"afterMinutes": 2, "tier": 1},
                    {"afterMinutes": 4, "tier": 1, "kind": "reminder"},
                    {"afterMinutes": 4, "tier": 2},
                    {"afterMinutes": 8, "tier": 3, "kind": "unacknowledged"},
                    {"afterMinutes": 12, "tier": 3, "kind": "reminder"}]}}}""");

        FunctionConfig function = FunctionConfigReader.parse(text, "t.json");
        TenantConfig config = TenantConfigReader.parse(text, "t.json");

        EscalationPolicy expected = new EscalationPolicy(List.of(step(2, 1, Kind.REMINDER),
                step(4, 1, Kind.REMINDER), step(4, 2, Kind.UNACKNOWLEDGED), step(8, 3, Kind.UNACKNOWLEDGED),
                step(12, 3, Kind.REMINDER)), EscalationPolicy.defaults().steps(Severity.WARNING));
        assertThat(function.escalationOf("W5")).isEqualTo(expected);
        assertThat(config.wardEscalation()).containsExactly(entry("W5", expected));
        assertThat(function.vitalsOf("W5")).as("vitals and escalation in one ward's object")
                .isEqualTo(VitalsPolicy.NEWS2);
        assertThat(function.escalationOf("w5")).as("ward names are case-sensitive")
                .isEqualTo(EscalationPolicy.defaults());
    }

    @Test
    void anEmptyList_meansNoEscalationOfThatSeverity_andTheOtherKeepsItsDefaults() {
        String text = wards("{\"Day unit\": {\"escalation\": {\"warning\": []}}}");

        EscalationPolicy policy = FunctionConfigReader.parse(text, "t.json").escalationOf("Day unit");

        assertThat(policy.steps(Severity.WARNING)).isEmpty();
        assertThat(policy.steps(Severity.CRITICAL)).isEqualTo(EscalationPolicy.defaults().steps(Severity.CRITICAL));
        assertThat(TenantConfigReader.parse(text, "t.json").escalationOf("Day unit")).isEqualTo(policy);
        assertThat(TenantConfigReader.parse(text, "t.json").wardVitals())
                .as("a ward named for its escalation alone is on thresholds").containsExactly(
                        entry("Day unit", VitalsPolicy.THRESHOLDS));
    }

    @Test
    void theMinutesEdges_0And1440_areAccepted() {
        String text = wards("{\"W5\": {\"escalation\": {\"warning\": [{\"afterMinutes\": 0, \"tier\": 2},"
                + " {\"afterMinutes\": 1440, \"tier\": 3}]}}}");

        assertThat(FunctionConfigReader.parse(text, "t.json").escalationOf("W5").warning()).containsExactly(
                step(0, 2, Kind.UNACKNOWLEDGED), step(1440, 3, Kind.UNACKNOWLEDGED));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"critical\": [{\"afterMinutes\": 3, \"tier\": 0}]}       | wards.W5.escalation.critical[0].tier: must be 1, 2 or 3",
            "{\"critical\": [{\"afterMinutes\": 3, \"tier\": 4}]}       | wards.W5.escalation.critical[0].tier: must be 1, 2 or 3",
            "{\"critical\": [{\"afterMinutes\": 3, \"tier\": \"2\"}]}   | wards.W5.escalation.critical[0].tier: must be 1, 2 or 3",
            "{\"critical\": [{\"afterMinutes\": 3}]}                    | wards.W5.escalation.critical[0].tier: is required (1, 2 or 3)",
            "{\"critical\": [{\"tier\": 2}]}                            | wards.W5.escalation.critical[0].afterMinutes: is required (a whole number of minutes from 0 to 1440)",
            "{\"critical\": [{\"afterMinutes\": -1, \"tier\": 1}]}      | wards.W5.escalation.critical[0].afterMinutes: must be a whole number of minutes from 0 to 1440",
            "{\"critical\": [{\"afterMinutes\": 2.5, \"tier\": 1}]}     | wards.W5.escalation.critical[0].afterMinutes: must be a whole number of minutes from 0 to 1440",
            "{\"critical\": [{\"afterMinutes\": 1441, \"tier\": 1}]}    | wards.W5.escalation.critical[0].afterMinutes: must be a whole number of minutes from 0 to 1440",
            "{\"critical\": [{\"afterMinutes\": \"5\", \"tier\": 1}]}   | wards.W5.escalation.critical[0].afterMinutes: must be a whole number of minutes from 0 to 1440",
            "{\"critical\": [{\"afterMinutes\": 3, \"tier\": 1, \"kind\": \"page\"}]} | wards.W5.escalation.critical[0].kind: must be reminder or unacknowledged",
            "{\"critical\": [{\"afterMinutes\": 3, \"tier\": 1, \"kind\": \"REMINDER\"}]} | wards.W5.escalation.critical[0].kind: must be reminder or unacknowledged",
            "{\"critical\": [{\"afterMinutes\": 5, \"tier\": 2}, {\"afterMinutes\": 3, \"tier\": 1}]} | wards.W5.escalation.critical[1].afterMinutes: 3 is less than the step before's 5 (steps are listed in the order of their delays)",
            "{\"warning\": [{\"afterMinutes\": 15, \"tier\": 2, \"after\": 1}]} | wards.W5.escalation.warning[0].after: unknown field (allowed: afterMinutes, tier, kind)",
            "{\"critical\": [], \"advisory\": []}                       | wards.W5.escalation.advisory: unknown field (allowed: critical, warning)",
            "{\"critical\": {\"afterMinutes\": 3, \"tier\": 1}}         | wards.W5.escalation.critical: must be a list of steps such as {\"afterMinutes\": 5, \"tier\": 2} (an empty list: none)",
            "{\"warning\": [15]}                                        | wards.W5.escalation.warning[0]: must be an object such as {\"afterMinutes\": 5, \"tier\": 2}",
            "[]                                                         | wards.W5.escalation: must be an object such as {\"critical\": [{\"afterMinutes\": 5, \"tier\": 2}]}"
    })
    void aBadEscalation_isOneLine_fromSynthAndTheFunctionAlike(String escalation, String problem) {
        String text = wards("{\"W5\": {\"escalation\": " + escalation + "}}");
        String expected = "invalid tenant configuration t.json:\n  " + problem;

        assertThatThrownBy(() -> TenantConfigReader.parse(text, "t.json")).hasMessage(expected);
        assertThatThrownBy(() -> FunctionConfigReader.parse(text, "t.json")).hasMessage(expected);
    }

    @Test
    void everyProblemOfEveryWardsEscalation_isListed() {
        String text = wards("""
                {"W5": {"escalation": {"critical": [{"afterMinutes": 10, "tier": 3}, {"afterMinutes": 5, "tier": 9}]}},
                 "W6": {"vitals": "news2", "escalation": {"warning": [{"afterMinutes": 1.5, "tier": 2, "kind": 1}]}}}""");

        assertThatThrownBy(() -> FunctionConfigReader.parse(text, "t.json"))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .containsExactly("wards.W5.escalation.critical[1].tier: must be 1, 2 or 3",
                                "wards.W5.escalation.critical[1].afterMinutes: 5 is less than the step before's 10"
                                        + " (steps are listed in the order of their delays)",
                                "wards.W6.escalation.warning[0].afterMinutes: must be a whole number of minutes"
                                        + " from 0 to 1440",
                                "wards.W6.escalation.warning[0].kind: must be reminder or unacknowledged"));
    }
}
