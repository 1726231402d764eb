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

/** The acknowledge-excursion function pharmacy tooling invokes; its IAM is checked in LeastPrivilegeTest. */
class ExcursionAcknowledgementsTest {

    private static Template jvm;
    private static Template nativeTemplate;

    @BeforeAll
    static void synthesize() {
        jvm = SynthesizedTenants.get().jvm;
        nativeTemplate = SynthesizedTenants.get().nativeTemplate;
    }

    @Test
    void acknowledgeExcursion_getsTheTelemetryEnvironment_withItsOwnHandler() {
        for (Template template : List.of(jvm, nativeTemplate)) {
            Map<String, Object> expected = TemplateJson.environment(template, "IngestFunction");
            expected.put("QUARKUS_LAMBDA_HANDLER", "acknowledge-excursion");

            assertThat(TemplateJson.environment(template, "ExcursionAcknowledgementsFunction")).isEqualTo(expected);
        }
    }

    @Test
    void jvmAcknowledgeExcursion_runsJava21WithSnapStart_for30Seconds_withoutReservedConcurrency() {
        jvm.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "wardwatch-st-aurelia-acknowledge-excursion",
                "Runtime", "java21",
                "Handler", "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest",
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "MemorySize", 1536,
                "Timeout", 30,
                "ReservedConcurrentExecutions", Match.absent()));
        String function = TemplateJson.logicalId(jvm, "AWS::Lambda::Function", "ExcursionAcknowledgementsFunction");
        jvm.hasResourceProperties("AWS::Lambda::Alias", Map.of("Name", "live", "FunctionName", ref(function)));
    }

    @Test
    void nativeAcknowledgeExcursion_runsTheBootstrapOnAl2023() {
        nativeTemplate.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "wardwatch-harbour-clinic-acknowledge-excursion",
                "Runtime", "provided.al2023",
                "Handler", "bootstrap",
                "SnapStart", Match.absent(),
                "Timeout", 30,
                "ReservedConcurrentExecutions", Match.absent()));
    }

    @Test
    void functionName_fitsLambdasLimit_forTheLongestTenantId() {
        // tenant ids are at most 32 characters (TenantConfigReader); Lambda function names at most 64
        assertThat(new TenantNames("a".repeat(32)).resource(ExcursionAcknowledgements.HANDLER))
                .hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void acknowledgeExcursionLogs_goToItsOwnLogGroup_encryptedWithTheTenantKey() {
        String key = TemplateJson.logicalId(jvm, "AWS::KMS::Key", "DataKey");
        jvm.hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                "LogGroupName", "/aws/lambda/wardwatch-st-aurelia-acknowledge-excursion",
                "KmsKeyId", arnOf(key),
                "RetentionInDays", 90));
        jvm.hasResourceProperties("AWS::KMS::Key", Map.of(
                "KeyPolicy", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "AllowCloudWatchLogsToUseTheKeyForAcknowledgeExcursion",
                        "Condition", Map.of("ArnEquals", Map.of("kms:EncryptionContext:aws:logs:arn",
                                Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                        ":logs:eu-west-1:111111111111:log-group:"
                                                + "/aws/lambda/wardwatch-st-aurelia-acknowledge-excursion")))))))))))));
    }
}
