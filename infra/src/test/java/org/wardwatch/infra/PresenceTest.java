package org.wardwatch.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.infra.TemplateJson.arnOf;
import static org.wardwatch.infra.TemplateJson.ref;

/**
 * The presence rule and function: IoT Core's lifecycle events, failing into the same two queues as telemetry so that
 * one redrive replays both. Its IAM is checked in LeastPrivilegeTest.
 */
class PresenceTest {

    private static Template jvm;
    private static Template nativeTemplate;
    private static String aliasId;
    private static String ruleId;

    @BeforeAll
    static void synthesize() {
        jvm = SynthesizedTenants.get().jvm;
        nativeTemplate = SynthesizedTenants.get().nativeTemplate;
        aliasId = TemplateJson.logicalId(jvm, "AWS::Lambda::Alias", "PresenceLiveAlias");
        ruleId = TemplateJson.logicalId(jvm, "AWS::IoT::TopicRule", "PresenceTopicRule");
    }

    @Test
    void presenceRule_passesEveryLifecycleEventAsIotCorePublishesIt_toThe_live_alias() {
        jvm.hasResourceProperties("AWS::IoT::TopicRule", Map.of(
                "RuleName", "wardwatch_st_aurelia_presence",
                "TopicRulePayload", Match.objectLike(Map.of(
                        "Sql", "SELECT * FROM '$aws/events/presence/+/+'",
                        "AwsIotSqlVersion", "2016-03-23",
                        "RuleDisabled", false,
                        "Actions", List.of(Map.of("Lambda", Map.of("FunctionArn", ref(aliasId))))))));
        nativeTemplate.hasResourceProperties("AWS::IoT::TopicRule", Map.of(
                "RuleName", "wardwatch_harbour_clinic_presence",
                "TopicRulePayload", Match.objectLike(Map.of("Sql", "SELECT * FROM '$aws/events/presence/+/+'"))));
    }

    @Test
    void presenceRuleErrors_goToTheIngestDeadLetterQueue_throughTheTelemetryRulesErrorActionRole() {
        Capture telemetry = new Capture();
        jvm.hasResourceProperties("AWS::IoT::TopicRule", Map.of("RuleName", "wardwatch_st_aurelia_telemetry",
                "TopicRulePayload", Match.objectLike(Map.of("ErrorAction", telemetry))));

        jvm.hasResourceProperties("AWS::IoT::TopicRule", Map.of("RuleName", "wardwatch_st_aurelia_presence",
                "TopicRulePayload", Match.objectLike(Map.of("ErrorAction", Map.of("Sqs", Map.of(
                        "QueueUrl", ref(TemplateJson.logicalId(jvm, "AWS::SQS::Queue", "IngestDeadLetterQueue")),
                        "RoleArn", arnOf(TemplateJson.logicalId(jvm, "AWS::IAM::Role", "IngestRuleErrorActionRole")),
                        "UseBase64", false))))));
        jvm.hasResourceProperties("AWS::IoT::TopicRule", Map.of("RuleName", "wardwatch_st_aurelia_presence",
                "TopicRulePayload", Match.objectLike(Map.of("ErrorAction", telemetry.asObject()))));
    }

    @Test
    void asynchronousInvocations_retryTwiceThenGoToTheTelemetryFailuresQueue() {
        Capture dependsOn = new Capture();
        jvm.hasResource("AWS::Lambda::EventInvokeConfig", Map.of(
                "Properties", Map.of(
                        "FunctionName", ref(TemplateJson.logicalId(jvm, "AWS::Lambda::Function", "PresenceFunction")),
                        "Qualifier", "live",
                        "MaximumRetryAttempts", 2,
                        "DestinationConfig", Map.of("OnFailure", Map.of("Destination",
                                arnOf(TemplateJson.logicalId(jvm, "AWS::SQS::Queue", "IngestFailureQueue"))))),
                "DependsOn", dependsOn));
        assertThat(dependsOn.asArray()).contains(aliasId);
        // still the two queues of the telemetry rule and function, no third
        jvm.resourceCountIs("AWS::SQS::Queue", 2);
    }

    @Test
    void onlyThePresenceRule_mayInvokeTheAlias() {
        Map<String, Map<String, Object>> permissions = jvm.findResources("AWS::Lambda::Permission",
                Map.of("Properties", Match.objectLike(Map.of("FunctionName", ref(aliasId)))));
        assertThat(permissions.values()).singleElement().extracting(permission -> permission.get("Properties"))
                .isEqualTo(Map.of(
                        "Action", "lambda:InvokeFunction",
                        "FunctionName", ref(aliasId),
                        "Principal", "iot.amazonaws.com",
                        "SourceAccount", "111111111111",
                        "SourceArn", arnOf(ruleId)));
        String function = TemplateJson.logicalId(jvm, "AWS::Lambda::Function", "PresenceFunction");
        assertThat(jvm.findResources("AWS::Lambda::Permission",
                Map.of("Properties", Match.objectLike(Map.of("FunctionName", ref(function)))))).isEmpty();
    }

    @Test
    void presenceFunctionEnvironment_isWellUnderLambdasFourKilobytes() {
        for (Template template : List.of(jvm, nativeTemplate)) {
            Map<String, Object> environment = TemplateJson.environment(template, "PresenceFunction");

            // Refs become names of at most ~60 characters once deployed; literal values count as they are
            int bytes = environment.entrySet().stream().mapToInt(e -> e.getKey().getBytes(StandardCharsets.UTF_8).length
                    + (e.getValue() instanceof String s ? s.getBytes(StandardCharsets.UTF_8).length : 100)).sum();
            assertThat(bytes).isLessThan(4096);
        }
    }

    @Test
    void jvmPresenceFunction_runsJava21WithSnapStart_for30Seconds_withoutReservedConcurrency() {
        jvm.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "wardwatch-st-aurelia-presence",
                "Runtime", "java21",
                "Handler", "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest",
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "MemorySize", 1536,
                "Timeout", 30,
                "ReservedConcurrentExecutions", Match.absent()));
        nativeTemplate.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "wardwatch-harbour-clinic-presence",
                "Runtime", "provided.al2023",
                "Handler", "bootstrap",
                "SnapStart", Match.absent(),
                "Timeout", 30));
    }

}
