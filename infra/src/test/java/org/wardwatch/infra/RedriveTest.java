package org.wardwatch.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.infra.TemplateJson.ref;

/** The redrive function an operator invokes once a fault is fixed; its IAM is checked in LeastPrivilegeTest. */
class RedriveTest {

    private static Template jvm;
    private static Template nativeTemplate;

    @BeforeAll
    static void synthesize() {
        jvm = SynthesizedTenants.get().jvm;
        nativeTemplate = SynthesizedTenants.get().nativeTemplate;
    }

    @Test
    void redrive_getsTheTelemetryEnvironment_withItsHandlerAndTheTwoDeadLetterQueues() {
        for (Template template : List.of(jvm, nativeTemplate)) {
            Map<String, Object> expected = TemplateJson.environment(template, "IngestFunction");
            expected.put("QUARKUS_LAMBDA_HANDLER", "redrive");
            expected.put("WARDWATCH_RULE_ERROR_QUEUE_URL",
                    ref(TemplateJson.logicalId(template, "AWS::SQS::Queue", "IngestDeadLetterQueue")));
            expected.put("WARDWATCH_FAILURE_QUEUE_URL",
                    ref(TemplateJson.logicalId(template, "AWS::SQS::Queue", "IngestFailureQueue")));

            assertThat(TemplateJson.environment(template, "RedriveFunction")).isEqualTo(expected);
        }
        assertThat(TemplateJson.environment(jvm, "RedriveFunction")).containsEntry("WARDWATCH_TENANT_ID", "st-aurelia")
                .containsEntry("WARDWATCH_READING_RETENTION_DAYS", "1096")
                .containsEntry("WARDWATCH_COLD_CHAIN_RETENTION_DAYS", "1827")
                .containsKeys("WARDWATCH_READINGS_TABLE", "WARDWATCH_QUARANTINE_TABLE", "WARDWATCH_DEVICES_TABLE",
                        "WARDWATCH_ALERT_TOPIC_ARN", "WARDWATCH_CONFIG_FILE");
    }

    @Test
    void jvmRedrive_runsJava21WithSnapStart_forUpTo15Minutes_oneAtATime() {
        jvm.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "wardwatch-st-aurelia-redrive",
                "Runtime", "java21",
                "Handler", "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest",
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "MemorySize", 1536,
                "Timeout", 900,
                "ReservedConcurrentExecutions", 1));
    }

    @Test
    void nativeRedrive_runsTheBootstrapOnAl2023_forUpTo15Minutes_oneAtATime() {
        nativeTemplate.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "wardwatch-harbour-clinic-redrive",
                "Runtime", "provided.al2023",
                "Handler", "bootstrap",
                "SnapStart", Match.absent(),
                "Timeout", 900,
                "ReservedConcurrentExecutions", 1));
    }

    @Test
    void redrive_hasA_live_aliasOnItsOwnVersion_andNoOneElseMayInvokeIt() {
        String function = TemplateJson.logicalId(jvm, "AWS::Lambda::Function", "RedriveFunction");
        String version = TemplateJson.logicalId(jvm, "AWS::Lambda::Version", "RedriveFunctionCurrentVersion");
        jvm.hasResourceProperties("AWS::Lambda::Version", Map.of("FunctionName", ref(function)));
        jvm.hasResourceProperties("AWS::Lambda::Alias", Map.of(
                "Name", "live",
                "FunctionName", ref(function),
                "FunctionVersion", Map.of("Fn::GetAtt", List.of(version, "Version"))));
        // Invoked synchronously by an operator's own IAM identity: no resource policy, no asynchronous config.
        String alias = TemplateJson.logicalId(jvm, "AWS::Lambda::Alias", "RedriveLiveAlias");
        for (String type : List.of("AWS::Lambda::Permission", "AWS::Lambda::EventInvokeConfig")) {
            for (String target : List.of(function, alias)) {
                assertThat(jvm.findResources(type, Map.of("Properties", Match.objectLike(Map.of(
                        "FunctionName", ref(target)))))).as("%s of %s", type, target).isEmpty();
            }
        }
    }

}
