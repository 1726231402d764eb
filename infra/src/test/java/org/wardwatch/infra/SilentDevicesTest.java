package org.wardwatch.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.infra.TemplateJson.arnOf;
import static org.wardwatch.infra.TemplateJson.ref;

/** The silent-devices check and its every-minute schedule; its IAM is checked in LeastPrivilegeTest. */
class SilentDevicesTest {

    private static Template jvm;
    private static Template nativeTemplate;
    private static String aliasId;
    private static String ruleId;

    @BeforeAll
    static void synthesize() {
        jvm = SynthesizedTenants.get().jvm;
        nativeTemplate = SynthesizedTenants.get().nativeTemplate;
        aliasId = TemplateJson.logicalId(jvm, "AWS::Lambda::Alias", "SilentDevicesLiveAlias");
        ruleId = TemplateJson.logicalId(jvm, "AWS::Events::Rule", "SilentDevicesSchedule");
    }

    @Test
    void deviceIntervals_reachTheFunctionsOnlyWhenTheConfigSetsThem() {
        // GIVEN st-aurelia sets both intervals, harbour-clinic neither (the function's 60 and 300 s apply)
        for (String function : List.of("IngestFunction", "RedriveFunction", "AdmissionsFunction",
                "SilentDevicesFunction", "PresenceFunction", "AcknowledgementsFunction", "EscalationsFunction")) {
            assertThat(TemplateJson.environment(jvm, function)).as(function)
                    .containsEntry("WARDWATCH_VITALS_INTERVAL_SECONDS", "30")
                    .containsEntry("WARDWATCH_STORAGE_INTERVAL_SECONDS", "600");
            assertThat(TemplateJson.environment(nativeTemplate, function)).as(function)
                    .doesNotContainKeys("WARDWATCH_VITALS_INTERVAL_SECONDS", "WARDWATCH_STORAGE_INTERVAL_SECONDS");
        }
    }

    @Test
    void jvmSilenceCheck_runsJava21WithSnapStart_forUpToAMinute_oneAtATime() {
        jvm.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "wardwatch-st-aurelia-silence",
                "Runtime", "java21",
                "Handler", "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest",
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "MemorySize", 1536,
                "Timeout", 60,
                "ReservedConcurrentExecutions", 1));
    }

    @Test
    void nativeSilenceCheck_runsTheBootstrapOnAl2023_oneAtATime() {
        nativeTemplate.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "wardwatch-harbour-clinic-silence",
                "Runtime", "provided.al2023",
                "Handler", "bootstrap",
                "SnapStart", Match.absent(),
                "Timeout", 60,
                "ReservedConcurrentExecutions", 1));
    }

    @Test
    void scheduleRule_invokesThe_live_aliasEveryMinute_withoutRetries() {
        String function = TemplateJson.logicalId(jvm, "AWS::Lambda::Function", "SilentDevicesFunction");
        String version = TemplateJson.logicalId(jvm, "AWS::Lambda::Version", "SilentDevicesFunctionCurrentVersion");
        jvm.hasResourceProperties("AWS::Lambda::Alias", Map.of(
                "Name", "live",
                "FunctionName", ref(function),
                "FunctionVersion", Map.of("Fn::GetAtt", List.of(version, "Version"))));

        jvm.resourceCountIs("AWS::Events::Rule", 2); // this one and the escalation check's (EscalationsTest)
        jvm.hasResourceProperties("AWS::Events::Rule", Map.of(
                "Name", "wardwatch-st-aurelia-silence-schedule",
                "ScheduleExpression", "rate(1 minute)",
                "State", "ENABLED",
                "EventPattern", Match.absent(),
                "Targets", List.of(Match.objectLike(Map.of(
                        "Arn", ref(aliasId),
                        "RetryPolicy", Map.of("MaximumRetryAttempts", 0))))));
    }

    @Test
    void onlyTheScheduleRule_mayInvokeTheAlias() {
        Map<String, Map<String, Object>> permissions = jvm.findResources("AWS::Lambda::Permission",
                Map.of("Properties", Match.objectLike(Map.of("FunctionName", ref(aliasId)))));
        assertThat(permissions.values()).singleElement().extracting(permission -> permission.get("Properties"))
                .isEqualTo(Map.of(
                        "Action", "lambda:InvokeFunction",
                        "FunctionName", ref(aliasId),
                        "Principal", "events.amazonaws.com",
                        "SourceArn", arnOf(ruleId)));
        String function = TemplateJson.logicalId(jvm, "AWS::Lambda::Function", "SilentDevicesFunction");
        assertThat(jvm.findResources("AWS::Lambda::Permission",
                Map.of("Properties", Match.objectLike(Map.of("FunctionName", ref(function)))))).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFailedOrDelayedCheck_isNotRetried_theNextMinutesCheckDoesIt() {
        String function = TemplateJson.logicalId(jvm, "AWS::Lambda::Function", "SilentDevicesFunction");
        Map<String, Map<String, Object>> configs = jvm.findResources("AWS::Lambda::EventInvokeConfig",
                Map.of("Properties", Match.objectLike(Map.of("FunctionName", ref(function)))));
        assertThat(configs).hasSize(1);
        Map<String, Object> properties = (Map<String, Object>) configs.values().iterator().next().get("Properties");
        assertThat(properties).containsEntry("MaximumRetryAttempts", 0)
                .containsEntry("MaximumEventAgeInSeconds", 60)
                .doesNotContainKey("DestinationConfig");
        // the qualifier is the alias' name, taken from the alias' ARN: the config is created after the alias
        assertThat(properties.get("Qualifier").toString()).contains(aliasId);
    }

}
