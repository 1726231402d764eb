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

/** The escalation check and its every-minute schedule, as the silence check's; its IAM is in LeastPrivilegeTest. */
class EscalationsTest {

    private static Template jvm;
    private static String functionId;
    private static String aliasId;
    private static String ruleId;

    @BeforeAll
    static void synthesize() {
        jvm = SynthesizedTenants.get().jvm;
        functionId = TemplateJson.logicalId(jvm, "AWS::Lambda::Function", "EscalationsFunction");
        aliasId = TemplateJson.logicalId(jvm, "AWS::Lambda::Alias", "EscalationsLiveAlias");
        ruleId = TemplateJson.logicalId(jvm, "AWS::Events::Rule", "EscalationsSchedule");
    }

    @Test
    void escalationCheck_runsForUpToAMinute_oneAtATime() {
        jvm.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "wardwatch-st-aurelia-escalation",
                "Runtime", "java21",
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "Timeout", 60,
                "ReservedConcurrentExecutions", 1));
        SynthesizedTenants.get().nativeTemplate.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "wardwatch-harbour-clinic-escalation",
                "Runtime", "provided.al2023",
                "Timeout", 60,
                "ReservedConcurrentExecutions", 1));
    }

    @Test
    void scheduleRule_invokesThe_live_aliasEveryMinute_withoutRetries() {
        String version = TemplateJson.logicalId(jvm, "AWS::Lambda::Version", "EscalationsFunctionCurrentVersion");
        jvm.hasResourceProperties("AWS::Lambda::Alias", Map.of(
                "Name", "live",
                "FunctionName", ref(functionId),
                "FunctionVersion", Map.of("Fn::GetAtt", List.of(version, "Version"))));
        assertThat(jvm.findResources("AWS::Events::Rule", Map.of("Properties", Map.of(
                "Name", "wardwatch-st-aurelia-escalation-schedule",
                "Description", "wardwatch st-aurelia: the escalation check, every minute",
                "ScheduleExpression", "rate(1 minute)",
                "State", "ENABLED",
                "Targets", List.of(Match.objectLike(Map.of(
                        "Arn", ref(aliasId),
                        "RetryPolicy", Map.of("MaximumRetryAttempts", 0)))),
                "Tags", Match.anyValue())))).containsOnlyKeys(ruleId);
    }

    @Test
    void onlyTheScheduleRule_mayInvokeTheAlias_andNothingTheFunctionItself() {
        Map<String, Map<String, Object>> permissions = jvm.findResources("AWS::Lambda::Permission",
                Map.of("Properties", Match.objectLike(Map.of("FunctionName", ref(aliasId)))));
        assertThat(permissions.values()).singleElement().extracting(permission -> permission.get("Properties"))
                .isEqualTo(Map.of(
                        "Action", "lambda:InvokeFunction",
                        "FunctionName", ref(aliasId),
                        "Principal", "events.amazonaws.com",
                        "SourceArn", arnOf(ruleId)));
        assertThat(jvm.findResources("AWS::Lambda::Permission",
                Map.of("Properties", Match.objectLike(Map.of("FunctionName", ref(functionId)))))).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFailedOrDelayedCheck_isNotRetried_theNextMinutesCheckDoesIt() {
        Map<String, Map<String, Object>> configs = jvm.findResources("AWS::Lambda::EventInvokeConfig",
                Map.of("Properties", Match.objectLike(Map.of("FunctionName", ref(functionId)))));
        assertThat(configs).hasSize(1);
        Map<String, Object> properties = (Map<String, Object>) configs.values().iterator().next().get("Properties");
        assertThat(properties).containsEntry("MaximumRetryAttempts", 0)
                .containsEntry("MaximumEventAgeInSeconds", 60)
                .doesNotContainKey("DestinationConfig");
        assertThat(properties.get("Qualifier").toString()).contains(aliasId);
    }

    @Test
    void outputs_nameTheEscalationAndAcknowledgeFunctions() {
        jvm.hasOutput("EscalationFunctionName", Map.of("Value", ref(functionId)));
        jvm.hasOutput("AcknowledgeFunctionName", Map.of("Value",
                ref(TemplateJson.logicalId(jvm, "AWS::Lambda::Function", "AcknowledgementsFunction"))));
    }
}
