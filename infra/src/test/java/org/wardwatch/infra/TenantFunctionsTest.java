package org.wardwatch.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.infra.TemplateJson.arnOf;

/**
 * What every function beside the telemetry one gets from {@link TenantFunction}: the telemetry function's environment
 * with its own handler, and its own log group encrypted with the tenant key, which CloudWatch Logs may use for that
 * log group only (the staff API's function too, which has an environment of its own: StaffApiTest). What differs per function (timeouts, concurrency, triggers, IAM) is in each construct's test.
 */
class TenantFunctionsTest {

    private static Template jvm;
    private static Template nativeTemplate;

    @BeforeAll
    static void synthesize() {
        jvm = SynthesizedTenants.get().jvm;
        nativeTemplate = SynthesizedTenants.get().nativeTemplate;
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "AdmissionsFunction, admission",
            "SilentDevicesFunction, silence",
            "PresenceFunction, presence",
            "AcknowledgementsFunction, acknowledge",
            "EscalationsFunction, escalation"})
    void getsTheTelemetryEnvironment_withItsOwnHandler(String function, String handler) {
        for (Template template : List.of(jvm, nativeTemplate)) {
            Map<String, Object> expected = TemplateJson.environment(template, "IngestFunction");
            expected.put("QUARKUS_LAMBDA_HANDLER", handler);

            assertThat(TemplateJson.environment(template, function)).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "redrive, Redrive",
            "admission, Admission",
            "silence, Silence",
            "presence, Presence",
            "acknowledge, Acknowledge",
            "escalation, Escalation",
            "staff-api, StaffApi"})
    void logsGoToItsOwnLogGroup_encryptedWithTheTenantKey(String handler, String sidSuffix) {
        String logGroup = "/aws/lambda/wardwatch-st-aurelia-" + handler;
        String key = TemplateJson.logicalId(jvm, "AWS::KMS::Key", "DataKey");
        jvm.hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                "LogGroupName", logGroup,
                "KmsKeyId", arnOf(key),
                "RetentionInDays", 90));
        jvm.hasResourceProperties("AWS::KMS::Key", Map.of(
                "KeyPolicy", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "AllowCloudWatchLogsToUseTheKeyFor" + sidSuffix,
                        "Condition", Map.of("ArnEquals", Map.of("kms:EncryptionContext:aws:logs:arn",
                                Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                        ":logs:eu-west-1:111111111111:log-group:" + logGroup)))))))))))));
    }
}
