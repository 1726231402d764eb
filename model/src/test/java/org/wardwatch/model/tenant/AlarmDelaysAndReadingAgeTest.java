package org.wardwatch.model.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.model.alert.AlarmDelay;
import org.wardwatch.model.alert.AlarmDelays;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.reading.Metric;

/** The {@code alarmDelays} block, {@code maxReadingAgeMinutes} and the side-merge of tenant overrides, as read. */
class AlarmDelaysAndReadingAgeTest {

    private static final String TENANT = """
            {"tenantId": "st-aurelia", "account": "123456789012", "region": "eu-west-2",
             "contacts": [ { "protocol": "sms", "endpoint": "+15555550100", "minimumSeverity": "CRITICAL" } ]%s}""";

    private static String tenant(String extra) {
        return TENANT.formatted(extra.isEmpty() ? "" : ", " + extra);
    }

    @Test
    void noBlock_givesTheDefaultDelaysAndAnHour() {
        TenantConfig config = TenantConfigReader.parse(tenant(""), "t.json");
        FunctionConfig function = FunctionConfigReader.parse(FunctionConfigFile.json(config), "f.json");

        assertThat(config.alarmDelays()).isEqualTo(AlarmDelays.defaults());
        assertThat(config.maxReadingAgeMinutes()).isEqualTo(60);
        assertThat(function.alarmDelays()).isEqualTo(AlarmDelays.defaults());
        assertThat(function.maxReadingAge()).isEqualTo(Duration.ofHours(1));
        assertThat(FunctionConfig.defaults().maxReadingAgeMinutes()).isEqualTo(60);
    }

    @Test
    void eachFieldGiven_isMergedOverTheDefaults_andReachesTheFunction() {
        TenantConfig config = TenantConfigReader.parse(tenant("""
                "alarmDelays": {"spo2": {"confirmSeconds": 20, "immediateAtOrBelow": 82},
                                "heart_rate": {"immediateAtOrAbove": null},
                                "glucose": {"immediateAtOrBelow": 40}},
                "maxReadingAgeMinutes": 15"""), "t.json");

        AlarmDelay spo2 = config.alarmDelays().of(Metric.SPO2);
        assertThat(spo2.confirm()).isEqualTo(Duration.ofSeconds(20));
        assertThat(spo2.resolve()).as("kept from the defaults").isEqualTo(Duration.ofSeconds(60));
        assertThat(spo2.immediate(82)).isTrue();
        assertThat(spo2.immediate(83)).isFalse();
        assertThat(config.alarmDelays().of(Metric.HEART_RATE).immediate(200)).isFalse();
        assertThat(config.alarmDelays().of(Metric.HEART_RATE).immediateAtOrBelow()).isEqualByComparingTo("40");
        assertThat(config.alarmDelays().of(Metric.GLUCOSE).immediate(39.9)).isTrue();
        assertThat(config.alarmDelays().of(Metric.RESPIRATORY_RATE)).isEqualTo(AlarmDelays.defaults()
                .of(Metric.RESPIRATORY_RATE));

        FunctionConfig function = FunctionConfigReader.parse(FunctionConfigFile.json(config), "f.json");
        assertThat(function.alarmDelays()).isEqualTo(config.alarmDelays());
        assertThat(function.maxReadingAgeMinutes()).isEqualTo(15);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "\"alarmDelays\": {\"pulse\": {}}                               | alarmDelays.pulse: unknown vital sign (alarm delays apply to: heart_rate, respiratory_rate, spo2, systolic_bp, diastolic_bp, body_temperature, glucose)",
            "\"alarmDelays\": {\"co2\": {\"confirmSeconds\": 5}}            | alarmDelays.co2: unknown vital sign (alarm delays apply to: heart_rate, respiratory_rate, spo2, systolic_bp, diastolic_bp, body_temperature, glucose)",
            "\"alarmDelays\": {\"spo2\": {\"confirm\": 5}}                  | alarmDelays.spo2.confirm: unknown field (allowed: confirmSeconds, resolveSeconds, immediateAtOrBelow, immediateAtOrAbove)",
            "\"alarmDelays\": {\"spo2\": {\"confirmSeconds\": -1}}          | alarmDelays.spo2.confirmSeconds: must be a whole number of seconds from 0 to 3600",
            "\"alarmDelays\": {\"spo2\": {\"resolveSeconds\": 1.5}}         | alarmDelays.spo2.resolveSeconds: must be a whole number of seconds from 0 to 3600",
            "\"alarmDelays\": {\"spo2\": {\"resolveSeconds\": \"60\"}}      | alarmDelays.spo2.resolveSeconds: must be a whole number of seconds from 0 to 3600",
            "\"alarmDelays\": {\"spo2\": {\"immediateAtOrBelow\": \"85\"}}  | alarmDelays.spo2.immediateAtOrBelow: must be a number (or null for none)",
            "\"alarmDelays\": {\"diastolic_bp\": {\"immediateAtOrAbove\": 120}} | alarmDelays.diastolic_bp.immediateAtOrAbove: diastolic_bp has no threshold bands, so nothing to raise at once",
            "\"alarmDelays\": {\"spo2\": 15}                                | alarmDelays.spo2: must be an object",
            "\"alarmDelays\": []                                            | alarmDelays: must be an object",
            "\"maxReadingAgeMinutes\": 0                                    | maxReadingAgeMinutes: must be a whole number of minutes, at least 1",
            "\"maxReadingAgeMinutes\": 2.5                                  | maxReadingAgeMinutes: must be a whole number of minutes, at least 1"
    })
    void aBadSetting_isOneLine_fromSynthAndTheFunctionAlike(String extra, String problem) {
        String expected = "invalid tenant configuration t.json:\n  " + problem;
        assertThatThrownBy(() -> TenantConfigReader.parse(tenant(extra), "t.json")).hasMessage(expected);
        assertThatThrownBy(() -> FunctionConfigReader.parse(tenant(extra), "t.json")).hasMessage(expected);
    }

    @Test
    void immediateBoundsOnDiastolic_areAccepted_onceTheTenantGivesItBands() {
        TenantConfig config = TenantConfigReader.parse(tenant("""
                "thresholds": {"diastolic_bp": [{"above": 120, "severity": "CRITICAL"}]},
                "alarmDelays": {"diastolic_bp": {"immediateAtOrAbove": 130}}"""), "t.json");

        assertThat(config.alarmDelays().of(Metric.DIASTOLIC_BP).immediateAtOrAbove()).isEqualTo(new BigDecimal("130"));
    }

    @Test
    void aFeverOnlyOverride_keepsTheHypothermiaCritical() {
        FunctionConfig config = FunctionConfigReader.parse(tenant("""
                "thresholds": {"body_temperature": [{"above": 38.0, "below": 40.0, "severity": "WARNING"},
                                                    {"min": 40.0, "severity": "CRITICAL"}]}"""), "t.json");

        assertThat(config.thresholds().classify(Metric.BODY_TEMPERATURE, 38.05)).isEqualTo(Severity.WARNING);
        assertThat(config.thresholds().classify(Metric.BODY_TEMPERATURE, 40.0)).isEqualTo(Severity.CRITICAL);
        assertThat(config.thresholds().classify(Metric.BODY_TEMPERATURE, 34.9)).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void removingACritical_isAccepted_withRemovesCriticalAndAReason_andSurvivesTheFunctionsFile() {
        TenantConfig config = TenantConfigReader.parse(tenant("""
                "thresholds": {"glucose": {"bands": [{"above": 250, "severity": "WARNING"}],
                                           "removesCritical": true, "reason": "diabetes team 2026-11: WARNING only"}}"""),
                "t.json");
        FunctionConfig function = FunctionConfigReader.parse(FunctionConfigFile.json(config), "f.json");

        assertThat(function.thresholds().classify(Metric.GLUCOSE, 600)).isEqualTo(Severity.WARNING);
        assertThat(function.thresholds().classify(Metric.GLUCOSE, 53.9)).isEqualTo(Severity.CRITICAL);
        assertThat(function.thresholds().describe()).isEqualTo(config.effectiveThresholds().describe());
        assertThat(FunctionConfigFile.json(config)).contains("\"reason\" : \"diabetes team 2026-11: WARNING only\"");
    }
}
