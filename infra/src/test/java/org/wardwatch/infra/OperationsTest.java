package org.wardwatch.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.tenant.Handler;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.infra.TemplateJson.arnOf;
import static org.wardwatch.infra.TemplateJson.ref;

class OperationsTest {

    private static Template template;
    private static String opsTopicId;
    private static String functionId;

    @BeforeAll
    static void synthesize() {
        template = SynthesizedTenants.get().jvm;
        opsTopicId = TemplateJson.logicalId(template, "AWS::SNS::Topic", "Operations");
        functionId = TemplateJson.logicalId(template, "AWS::Lambda::Function", "IngestFunction");
    }

    private void hasAlarm(String name, String namespace, String metric, String statistic, Map<String, Object> dimension) {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", name,
                "Namespace", namespace,
                "MetricName", metric,
                "Statistic", statistic,
                "Dimensions", List.of(dimension),
                "Threshold", 1,
                "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "AlarmActions", List.of(ref(opsTopicId)),
                "OKActions", List.of(ref(opsTopicId))));
    }

    @Test
    void deadLetterQueuesWithAnyMessage_raiseAnAlarm() {
        for (String queue : List.of("ingest-dlq", "telemetry-failures")) {
            String queueId = TemplateJson.logicalId(template, "AWS::SQS::Queue",
                    queue.equals("ingest-dlq") ? "IngestDeadLetterQueue" : "IngestFailureQueue");
            hasAlarm("wardwatch-st-aurelia-" + queue + "-not-empty", "AWS/SQS", "ApproximateNumberOfMessagesVisible",
                    "Maximum", Map.of("Name", "QueueName",
                            "Value", Map.of("Fn::GetAtt", List.of(queueId, "QueueName"))));
        }
    }

    @Test
    void functionErrorsAndThrottles_raiseAlarms() {
        Map<String, Object> function = Map.of("Name", "FunctionName", "Value", ref(functionId));
        hasAlarm("wardwatch-st-aurelia-telemetry-errors", "AWS/Lambda", "Errors", "Sum", function);
        hasAlarm("wardwatch-st-aurelia-telemetry-throttles", "AWS/Lambda", "Throttles", "Sum", function);
    }

    @Test
    void aRedriveThatFails_raisesAnAlarm_theAdmissionAndAcknowledgementRequestErrorsDoNot() {
        String redrive = TemplateJson.logicalId(template, "AWS::Lambda::Function", "RedriveFunction");
        hasAlarm("wardwatch-st-aurelia-redrive-errors", "AWS/Lambda", "Errors", "Sum",
                Map.of("Name", "FunctionName", "Value", ref(redrive)));
        // two queues, telemetry errors and throttles, redrive, silent-devices check and presence errors; none for the
        // admission and acknowledge functions, whose operator reads every failure in the answer
        // plus the escalation check's errors, failed deliveries and failed publishes (tested below)
        template.resourceCountIs("AWS::CloudWatch::Alarm", 10);
        for (String construct : List.of("AdmissionsFunction", "AcknowledgementsFunction")) {
            String function = TemplateJson.logicalId(template, "AWS::Lambda::Function", construct);
            assertThat(template.findResources("AWS::CloudWatch::Alarm", Map.of("Properties", Match.objectLike(
                    Map.of("Dimensions", Match.arrayWith(List.of(Map.of("Name", "FunctionName",
                            "Value", ref(function))))))))).as(construct).isEmpty();
        }
    }

    @Test
    void aSilentDevicesCheckThatFails_raisesAnAlarm() {
        String silence = TemplateJson.logicalId(template, "AWS::Lambda::Function", "SilentDevicesFunction");
        hasAlarm("wardwatch-st-aurelia-silence-errors", "AWS/Lambda", "Errors", "Sum",
                Map.of("Name", "FunctionName", "Value", ref(silence)));
    }

    @Test
    void aPresenceFunctionThatFails_raisesAnAlarm() {
        String presence = TemplateJson.logicalId(template, "AWS::Lambda::Function", "PresenceFunction");
        hasAlarm("wardwatch-st-aurelia-presence-errors", "AWS/Lambda", "Errors", "Sum",
                Map.of("Name", "FunctionName", "Value", ref(presence)));
    }

    @Test
    void anEscalationCheckThatFails_raisesAnAlarm() {
        String escalation = TemplateJson.logicalId(template, "AWS::Lambda::Function", "EscalationsFunction");
        hasAlarm("wardwatch-st-aurelia-escalation-errors", "AWS/Lambda", "Errors", "Sum",
                Map.of("Name", "FunctionName", "Value", ref(escalation)));
    }

    @Test
    void staffAlertsSnsCouldNotDeliver_raiseAnAlarm() {
        String alertTopic = TemplateJson.logicalId(template, "AWS::SNS::Topic", "AlertChannels");
        hasAlarm("wardwatch-st-aurelia-alert-deliveries-failed", "AWS/SNS", "NumberOfNotificationsFailed", "Sum",
                Map.of("Name", "TopicName", "Value", Map.of("Fn::GetAtt", List.of(alertTopic, "TopicName"))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFailedPublishInAnyPublishingFunction_raisesOneAlarm_onTheSumOfTheirAlertPublishFailedCounts() {
        Map<String, Map<String, Object>> alarms = template.findResources("AWS::CloudWatch::Alarm", Map.of("Properties",
                Match.objectLike(Map.of("AlarmName", "wardwatch-st-aurelia-alert-publish-failed",
                        "Threshold", 1, "EvaluationPeriods", 1,
                        "ComparisonOperator", "GreaterThanOrEqualToThreshold", "TreatMissingData", "notBreaching",
                        "AlarmActions", List.of(ref(opsTopicId)), "OKActions", List.of(ref(opsTopicId))))));
        assertThat(alarms).hasSize(1);
        List<Map<String, Object>> metrics = (List<Map<String, Object>>) ((Map<String, Object>) alarms.values()
                .iterator().next().get("Properties")).get("Metrics");
        assertThat(metrics.stream().filter(m -> m.containsKey("Expression")))
                .singleElement().satisfies(sum -> assertThat(sum).containsEntry("Expression", "SUM(METRICS())"));
        List<String> functions = new java.util.ArrayList<>();
        for (Map<String, Object> m : metrics) {
            if (m.containsKey("MetricStat")) {
                Map<String, Object> stat = (Map<String, Object>) m.get("MetricStat");
                Map<String, Object> metric = (Map<String, Object>) stat.get("Metric");
                assertThat(metric).containsEntry("Namespace", "wardwatch").containsEntry("MetricName",
                        "AlertPublishFailed");
                assertThat(stat).containsEntry("Stat", "Sum").containsEntry("Period", 300);
                List<Map<String, Object>> dimensions = (List<Map<String, Object>>) metric.get("Dimensions");
                assertThat(dimensions).contains(Map.of("Name", "tenant", "Value", "st-aurelia")).hasSize(2);
                dimensions.stream().filter(d -> d.get("Name").equals("function"))
                        .forEach(d -> functions.add((String) d.get("Value")));
                assertThat(m).containsEntry("ReturnData", false);
            }
        }
        assertThat(functions).containsExactlyInAnyOrder(java.util.stream.Stream.concat(
                        java.util.Arrays.stream(Handler.values()).filter(Handler::publishesAlerts)
                                .map(Handler::handlerName), java.util.stream.Stream.of("staff-api"))
                        .toArray(String[]::new))
                .contains("telemetry", "silence", "redrive", "admission", "acknowledge", "escalation", "staff-api");
    }

    @Test
    void opsTopic_isEncryptedAndCloudWatchMayUseItsKeyFromThisAccountOnly() {
        String keyId = TemplateJson.logicalId(template, "AWS::KMS::Key", "DataKey");
        template.hasResourceProperties("AWS::SNS::Topic", Map.of(
                "TopicName", "wardwatch-st-aurelia-ops",
                "KmsMasterKeyId", arnOf(keyId)));
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "TopicArn", ref(opsTopicId), "Protocol", "email", "Endpoint", "ops@example.org",
                "FilterPolicy", Match.absent()));
        template.hasResourceProperties("AWS::KMS::Key", Map.of(
                "KeyPolicy", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Map.of(
                        "Sid", "AllowCloudWatchAlarmsToUseTheKey",
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                        "Action", List.of("kms:Decrypt", "kms:GenerateDataKey*"),
                        "Resource", "*",
                        "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", "111111111111")))))))));
    }

    @Test
    void everyTaggableResource_carriesTheTenantAndThePhiClassification() {
        List<String> taggable = List.of("AWS::DynamoDB::Table", "AWS::KMS::Key", "AWS::SNS::Topic", "AWS::SQS::Queue",
                "AWS::Lambda::Function", "AWS::IAM::Role", "AWS::IoT::TopicRule", "AWS::IoT::Policy",
                "AWS::Logs::LogGroup", "AWS::CloudWatch::Alarm", "AWS::Events::Rule");
        for (String type : taggable) {
            Map<String, Map<String, Object>> all = template.findResources(type);
            Map<String, Map<String, Object>> tagged = template.findResources(type, Map.of("Properties",
                    Match.objectLike(Map.of("Tags", Match.arrayWith(List.of(
                            Map.of("Key", "data-classification", "Value", "PHI"),
                            Map.of("Key", "tenant", "Value", "st-aurelia")))))));
            assertThat(tagged.keySet()).as(type).isNotEmpty().isEqualTo(all.keySet());
        }
    }

    @Test
    void outputs_nameWhatOperatorsAndDeviceCertsNeed() {
        String readings = TemplateJson.logicalId(template, "AWS::DynamoDB::Table", "ReadingsStoreReadings");
        String devices = TemplateJson.logicalId(template, "AWS::DynamoDB::Table", "ReadingsStoreDevices");
        template.hasOutput("ReadingsTableName", Map.of("Value", ref(readings)));
        template.hasOutput("DevicesTableName", Map.of("Value", ref(devices)));
        template.hasOutput("OpsTopicArn", Map.of("Value", ref(opsTopicId)));
        template.hasOutput("TopicRuleName", Map.of("Value", "wardwatch_st_aurelia_telemetry"));
        template.hasOutput("FunctionAliasArn", Map.of("Value",
                ref(TemplateJson.logicalId(template, "AWS::Lambda::Alias", "IngestLiveAlias"))));
        template.hasOutput("RedriveFunctionName", Map.of("Value",
                ref(TemplateJson.logicalId(template, "AWS::Lambda::Function", "RedriveFunction"))));
        // the temperature log and an excursion's acknowledgement are the staff API's (StaffApiUrl), not functions'
        assertThat(template.findOutputs("*").keySet()).doesNotContain("TemperatureLogFunctionName",
                "AcknowledgeExcursionFunctionName");
        template.hasOutput("SilentDevicesFunctionName", Map.of("Value",
                ref(TemplateJson.logicalId(template, "AWS::Lambda::Function", "SilentDevicesFunction"))));
        template.hasOutput("PresenceTopicRuleName", Map.of("Value", "wardwatch_st_aurelia_presence"));
        template.hasOutput("PresenceFunctionName", Map.of("Value",
                ref(TemplateJson.logicalId(template, "AWS::Lambda::Function", "PresenceFunction"))));
        assertThat(template.findOutputs("*").values()).allSatisfy(output -> assertThat(output)
                .as("outputs are not exported: export names would be shared by every stack in a region")
                .doesNotContainKey("Export"));
    }
}
