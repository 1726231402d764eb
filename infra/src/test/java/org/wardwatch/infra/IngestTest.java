package org.wardwatch.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.infra.TemplateJson.arnOf;
import static org.wardwatch.infra.TemplateJson.ref;

class IngestTest {

    private static Template jvm;
    private static Template nativeTemplate;
    private static String keyId;
    private static String deadLetterQueueId;
    private static String failureQueueId;
    private static String aliasId;
    private static String ruleId;

    @BeforeAll
    static void synthesize() {
        jvm = SynthesizedTenants.get().jvm;
        nativeTemplate = SynthesizedTenants.get().nativeTemplate;
        keyId = TemplateJson.logicalId(jvm, "AWS::KMS::Key", "DataKey");
        deadLetterQueueId = TemplateJson.logicalId(jvm, "AWS::SQS::Queue", "IngestDeadLetterQueue");
        failureQueueId = TemplateJson.logicalId(jvm, "AWS::SQS::Queue", "IngestFailureQueue");
        aliasId = TemplateJson.logicalId(jvm, "AWS::Lambda::Alias", "IngestLiveAlias");
        ruleId = TemplateJson.logicalId(jvm, "AWS::IoT::TopicRule", "IngestTopicRule");
    }

    @Test
    void topicRule_selectsOnlyTheTenantsTelemetryWithTheContractsSql() {
        // the other rule is the presence rule (PresenceTest)
        jvm.resourceCountIs("AWS::IoT::TopicRule", 2);
        jvm.hasResourceProperties("AWS::IoT::TopicRule", Map.of(
                "RuleName", "wardwatch_st_aurelia_telemetry",
                "TopicRulePayload", Match.objectLike(Map.of(
                        "Sql", "SELECT encode(*, 'base64') AS payload, topic(2) AS tenantId, topic(4) AS thingName, "
                                + "clientid() AS clientId, timestamp() AS receivedAt "
                                + "FROM 'tenants/st-aurelia/devices/+/telemetry'",
                        "AwsIotSqlVersion", "2016-03-23",
                        "RuleDisabled", false,
                        "Actions", List.of(Map.of("Lambda", Map.of("FunctionArn", ref(aliasId))))))));
    }

    @Test
    void topicRuleErrors_goToTheEncryptedDeadLetterQueueThroughARoleThatMaySendOnlyThere() {
        Capture role = new Capture();
        jvm.hasResourceProperties("AWS::IoT::TopicRule", Map.of(
                "TopicRulePayload", Match.objectLike(Map.of(
                        "ErrorAction", Map.of("Sqs", Map.of(
                                "QueueUrl", ref(deadLetterQueueId),
                                "RoleArn", Map.of("Fn::GetAtt", List.of(role, "Arn")),
                                "UseBase64", false))))));

        jvm.hasResourceProperties("AWS::IAM::Role", Map.of(
                "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(Map.of(
                        "Action", "sts:AssumeRole",
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "iot.amazonaws.com"))))),
                "ManagedPolicyArns", Match.absent()));
        jvm.hasResourceProperties("AWS::IAM::Policy", Map.of(
                "Roles", List.of(ref(role.asString())),
                "PolicyDocument", Match.objectLike(Map.of("Statement", List.of(
                        Map.of("Action", "sqs:SendMessage", "Effect", "Allow", "Resource", arnOf(deadLetterQueueId)),
                        Map.of("Action", List.of("kms:Decrypt", "kms:GenerateDataKey"), "Effect", "Allow",
                                "Resource", arnOf(keyId)))))));
    }

    @Test
    void onlyThisTenantsRule_mayInvokeTheAlias() {
        assertThat(jvm.findResources("AWS::Lambda::Permission", Map.of("Properties", Match.objectLike(Map.of(
                "FunctionName", ref(aliasId)))))).hasSize(1);
        jvm.hasResourceProperties("AWS::Lambda::Permission", Map.of(
                "Action", "lambda:InvokeFunction",
                "FunctionName", ref(aliasId),
                "Principal", "iot.amazonaws.com",
                "SourceAccount", "111111111111",
                "SourceArn", arnOf(ruleId)));
    }

    @Test
    void jvmFunction_runsJava21WithSnapStartAndTheContractsEnvironment() {
        String readings = TemplateJson.logicalId(jvm, "AWS::DynamoDB::Table", "ReadingsStoreReadings");
        String quarantine = TemplateJson.logicalId(jvm, "AWS::DynamoDB::Table", "ReadingsStoreQuarantine");
        String devices = TemplateJson.logicalId(jvm, "AWS::DynamoDB::Table", "ReadingsStoreDevices");
        String topic = TemplateJson.logicalId(jvm, "AWS::SNS::Topic", "AlertChannels");

        jvm.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "wardwatch-st-aurelia-telemetry",
                "Timeout", 30,
                "Runtime", "java21",
                "Handler", "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest",
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "MemorySize", 1536,
                "ReservedConcurrentExecutions", 20,
                "Environment", Map.of("Variables", Match.objectEquals(Map.ofEntries(
                        Map.entry("QUARKUS_LAMBDA_HANDLER", "telemetry"),
                        Map.entry("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"),
                        Map.entry("WARDWATCH_TENANT_ID", "st-aurelia"),
                        Map.entry("WARDWATCH_READINGS_TABLE", ref(readings)),
                        Map.entry("WARDWATCH_QUARANTINE_TABLE", ref(quarantine)),
                        Map.entry("WARDWATCH_DEVICES_TABLE", ref(devices)),
                        Map.entry("WARDWATCH_ALERT_TOPIC_ARN", ref(topic)),
                        // thresholds and storage profiles are in the file of the tenant-config layer
                        Map.entry("WARDWATCH_CONFIG_FILE", "/opt/wardwatch/tenant-config.json"),
                        Map.entry("WARDWATCH_READING_RETENTION_DAYS", "1096"),
                        Map.entry("WARDWATCH_EXCURSION_WARNING_MINUTES", "10"),
                        Map.entry("WARDWATCH_EXCURSION_CRITICAL_MINUTES", "45"),
                        Map.entry("WARDWATCH_DOOR_OPEN_WARNING_MINUTES", "3"),
                        Map.entry("WARDWATCH_COLD_CHAIN_RETENTION_DAYS", "1827"),
                        Map.entry("WARDWATCH_TIME_ZONE", "Europe/London"),
                        Map.entry("WARDWATCH_VITALS_INTERVAL_SECONDS", "30"),
                        Map.entry("WARDWATCH_STORAGE_INTERVAL_SECONDS", "600"))))));
    }

    @Test
    void nativeFunction_runsTheBootstrapOnAl2023WithDefaults() {
        nativeTemplate.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "wardwatch-harbour-clinic-telemetry",
                "Runtime", "provided.al2023",
                "Handler", "bootstrap",
                "SnapStart", Match.absent(),
                "MemorySize", 1024,
                "ReservedConcurrentExecutions", Match.absent(),
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "JAVA_TOOL_OPTIONS", Match.absent(),
                        "WARDWATCH_TENANT_ID", "harbour-clinic",
                        "WARDWATCH_CONFIG_FILE", "/opt/wardwatch/tenant-config.json",
                        "WARDWATCH_READING_RETENTION_DAYS", "400",
                        "WARDWATCH_TIME_ZONE", "UTC")))));
    }

    @Test
    void coldChainSettings_reachTheFunctionOnlyWhenTheConfigSetsThem() {
        // GIVEN harbour-clinic's cold chain sets only retentionDays: the function's defaults apply to the rest
        nativeTemplate.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "WARDWATCH_COLD_CHAIN_RETENTION_DAYS", "2192",
                        "WARDWATCH_EXCURSION_WARNING_MINUTES", Match.absent(),
                        "WARDWATCH_EXCURSION_CRITICAL_MINUTES", Match.absent(),
                        "WARDWATCH_DOOR_OPEN_WARNING_MINUTES", Match.absent(),
                        "WARDWATCH_STORAGE_PROFILES", Match.absent())))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void rule_invokesThe_live_aliasOfAPublishedVersionOfTheTelemetryFunction() {
        Map<String, Object> alias = TemplateJson.resources(jvm).get(aliasId);
        Map<String, Object> properties = (Map<String, Object>) alias.get("Properties");
        assertThat(properties.get("Name")).isEqualTo("live");
        String version = (String) ((List<Object>) ((Map<String, Object>) properties.get("FunctionVersion"))
                .get("Fn::GetAtt")).get(0);
        String function = TemplateJson.logicalId(jvm, "AWS::Lambda::Function", "IngestFunction");
        assertThat(jvm.findResources("AWS::Lambda::Version", Map.of("Properties", Match.objectLike(Map.of(
                "FunctionName", ref(function)))))).containsOnlyKeys(version);
    }

    @Test
    void asynchronousInvocations_retryTwiceThenGoToTheFailuresQueue() {
        Capture dependsOn = new Capture();
        jvm.hasResource("AWS::Lambda::EventInvokeConfig", Map.of(
                "Properties", Map.of(
                        "FunctionName", ref(TemplateJson.logicalId(jvm, "AWS::Lambda::Function", "IngestFunction")),
                        "Qualifier", "live",
                        "MaximumRetryAttempts", 2,
                        "DestinationConfig", Map.of("OnFailure", Map.of("Destination", arnOf(failureQueueId)))),
                "DependsOn", dependsOn));
        assertThat(dependsOn.asArray()).contains(aliasId);
    }

    @Test
    void bothDeadLetterQueues_areEncryptedWithTheTenantKeyAndKeepMessagesForFourteenDays() {
        for (String name : List.of("wardwatch-st-aurelia-ingest-dlq", "wardwatch-st-aurelia-telemetry-failures")) {
            jvm.hasResourceProperties("AWS::SQS::Queue", Map.of(
                    "QueueName", name,
                    "KmsMasterKeyId", arnOf(keyId),
                    "MessageRetentionPeriod", 1209600));
        }
        jvm.resourceCountIs("AWS::SQS::Queue", 2);
    }

    @Test
    void functionLogs_goToItsOwnEncryptedLogGroupWithTheConfiguredRetention() {
        jvm.hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                "LogGroupName", "/aws/lambda/wardwatch-st-aurelia-telemetry",
                "KmsKeyId", arnOf(keyId),
                "RetentionInDays", 90));
        jvm.hasResourceProperties("AWS::KMS::Key", Map.of(
                "KeyPolicy", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "AllowCloudWatchLogsToUseTheKeyForTelemetry",
                        "Principal", Map.of("Service", "logs.eu-west-1.amazonaws.com"),
                        "Resource", "*",
                        "Condition", Map.of("ArnEquals", Map.of("kms:EncryptionContext:aws:logs:arn",
                                Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                        ":logs:eu-west-1:111111111111:log-group:"
                                                + "/aws/lambda/wardwatch-st-aurelia-telemetry")))))))))))));
        nativeTemplate.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 365));
    }
}
