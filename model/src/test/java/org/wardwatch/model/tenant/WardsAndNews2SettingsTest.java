package org.wardwatch.model.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code wards} and {@code news2} blocks, as synth and the function read them. */
class WardsAndNews2SettingsTest {

    private static final String TENANT = """
            {"tenantId": "st-aurelia", "account": "123456789012", "region": "eu-west-2",
             "contacts": [ { "protocol": "sms", "endpoint": "+15555550100", "minimumSeverity": "CRITICAL" } ]%s}""";

    private static String tenant(String extra) {
        return TENANT.formatted(extra.isEmpty() ? "" : ", " + extra);
    }

    @Test
    void noBlocks_leaveEveryWardOnThresholds_andNews2OnItsDefaults() {
        TenantConfig config = TenantConfigReader.parse(tenant(""), "t.json");
        FunctionConfig function = FunctionConfigReader.parse(tenant(""), "t.json");

        assertThat(config.wardVitals()).isEmpty();
        assertThat(config.news2()).isEqualTo(News2Settings.DEFAULTS);
        assertThat(function.vitalsOf("W5")).isEqualTo(VitalsPolicy.THRESHOLDS);
        assertThat(function.news2()).isEqualTo(News2Settings.DEFAULTS);
        assertThat(News2Settings.DEFAULTS).isEqualTo(new News2Settings(Duration.ofMinutes(60), Duration.ofSeconds(60),
                Duration.ofMinutes(720)));
    }

    @Test
    void aWardNamedNews2_scoresNews2_andAWardWithoutVitals_keepsThresholds() {
        String text = tenant("""
                "wards": {"W5": {"vitals": "news2"}, "ICU 2": {"vitals": "thresholds"}, "W6": {}}""");

        TenantConfig config = TenantConfigReader.parse(text, "t.json");
        FunctionConfig function = FunctionConfigReader.parse(text, "t.json");

        assertThat(config.wardVitals()).containsExactly(entry("ICU 2", VitalsPolicy.THRESHOLDS),
                entry("W5", VitalsPolicy.NEWS2), entry("W6", VitalsPolicy.THRESHOLDS));
        assertThat(function.vitalsOf("W5")).isEqualTo(VitalsPolicy.NEWS2);
        assertThat(function.vitalsOf("W6")).isEqualTo(VitalsPolicy.THRESHOLDS);
        assertThat(function.vitalsOf("w5")).as("ward names are case-sensitive").isEqualTo(VitalsPolicy.THRESHOLDS);
        assertThat(function.vitalsOf(null)).isEqualTo(VitalsPolicy.THRESHOLDS);
    }

    @Test
    void eachNews2FieldGiven_replacesItsDefault_andTheOthersStay() {
        String text = tenant("""
                "news2": {"windowMinutes": 30, "observationMinutes": 1440}""");

        News2Settings expected = new News2Settings(Duration.ofMinutes(30), Duration.ofSeconds(60),
                Duration.ofHours(24));
        assertThat(TenantConfigReader.parse(text, "t.json").news2()).isEqualTo(expected);
        assertThat(FunctionConfigReader.parse(text, "t.json").news2()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', value = {
            "1    | 0    | 1    | the lowest",
            "1440 | 3600 | 2880 | the highest"})
    void theNews2RangesEdges_areAccepted(String window, String resolve, String observation, String why) {
        String text = tenant("\"news2\": {\"windowMinutes\": " + window + ", \"resolveSeconds\": " + resolve
                + ", \"observationMinutes\": " + observation + "}");

        News2Settings settings = FunctionConfigReader.parse(text, "t.json").news2();
        assertThat(settings.window()).isEqualTo(Duration.ofMinutes(Long.parseLong(window)));
        assertThat(settings.resolve()).isEqualTo(Duration.ofSeconds(Long.parseLong(resolve)));
        assertThat(settings.observationValid()).isEqualTo(Duration.ofMinutes(Long.parseLong(observation)));
        assertThat(TenantConfigReader.parse(text, "t.json").news2()).isEqualTo(settings);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "\"wards\": {\"W5\": {\"vitals\": \"NEWS2\"}}              | wards.W5.vitals: must be thresholds or news2",
            "\"wards\": {\"W5\": {\"vitals\": \"news\"}}               | wards.W5.vitals: must be thresholds or news2",
            "\"wards\": {\"W5\": {\"vitals\": 2}}                      | wards.W5.vitals: must be thresholds or news2",
            "\"wards\": {\"W5\": {\"vitals\": \"news2\", \"beds\": 8}} | wards.W5.beds: unknown field (allowed: vitals, escalation)",
            "\"wards\": {\"W5\": \"news2\"}                            | wards.W5: must be an object such as {\"vitals\": \"news2\"}",
            "\"wards\": {\"W/5\": {\"vitals\": \"news2\"}}             | wards.W/5: must be a ward name of 1-64 letters, digits, ' ', '.', '_', '-'",
            "\"wards\": {\"\": {\"vitals\": \"news2\"}}                | wards.: must be a ward name of 1-64 letters, digits, ' ', '.', '_', '-'",
            "\"wards\": {\" W5\": {\"vitals\": \"news2\"}}             | wards. W5: must be a ward name of 1-64 letters, digits, ' ', '.', '_', '-'",
            "\"wards\": {\"W\\n5\": {\"vitals\": \"news2\"}}           | wards.W?5: must be a ward name of 1-64 letters, digits, ' ', '.', '_', '-'",
            "\"wards\": [\"W5\"]                                       | wards: must be an object",
            "\"news2\": {\"windowMinutes\": 0}                         | news2.windowMinutes: must be a whole number of minutes from 1 to 1440",
            "\"news2\": {\"windowMinutes\": 1441}                      | news2.windowMinutes: must be a whole number of minutes from 1 to 1440",
            "\"news2\": {\"windowMinutes\": 60.5}                      | news2.windowMinutes: must be a whole number of minutes from 1 to 1440",
            "\"news2\": {\"windowMinutes\": \"60\"}                    | news2.windowMinutes: must be a whole number of minutes from 1 to 1440",
            "\"news2\": {\"resolveSeconds\": -1}                       | news2.resolveSeconds: must be a whole number of seconds from 0 to 3600",
            "\"news2\": {\"resolveSeconds\": 3601}                     | news2.resolveSeconds: must be a whole number of seconds from 0 to 3600",
            "\"news2\": {\"observationMinutes\": 0}                    | news2.observationMinutes: must be a whole number of minutes from 1 to 2880",
            "\"news2\": {\"observationMinutes\": 2881}                 | news2.observationMinutes: must be a whole number of minutes from 1 to 2880",
            "\"news2\": {\"window\": 60}                               | news2.window: unknown field (allowed: windowMinutes, resolveSeconds, observationMinutes)",
            "\"news2\": 60                                             | news2: must be an object"
    })
    void aBadBlock_isOneLine_fromSynthAndTheFunctionAlike(String extra, String problem) {
        String expected = "invalid tenant configuration t.json:\n  " + problem;
        assertThatThrownBy(() -> TenantConfigReader.parse(tenant(extra), "t.json")).hasMessage(expected);
        assertThatThrownBy(() -> FunctionConfigReader.parse(tenant(extra), "t.json")).hasMessage(expected);
    }

    @Test
    void everyProblemInTheBlocks_isListed() {
        String text = tenant("""
                "wards": {"W5": {"vitals": "score"}, "W/6": {}}, "news2": {"windowMinutes": 0, "resolveSeconds": 1.5}""");

        assertThatThrownBy(() -> FunctionConfigReader.parse(text, "t.json"))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .containsExactly("wards.W5.vitals: must be thresholds or news2",
                                "wards.W/6: must be a ward name of 1-64 letters, digits, ' ', '.', '_', '-'",
                                "news2.windowMinutes: must be a whole number of minutes from 1 to 1440",
                                "news2.resolveSeconds: must be a whole number of seconds from 0 to 3600"));
    }
}
