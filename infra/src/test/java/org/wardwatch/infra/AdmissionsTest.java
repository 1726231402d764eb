package org.wardwatch.infra;

import org.wardwatch.model.tenant.Handler;
import org.wardwatch.model.tenant.TenantNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.infra.TemplateJson.ref;

/** The admission function operators (later the staff API) invoke; its IAM is checked in LeastPrivilegeTest. */
class AdmissionsTest {

    private static Template jvm;
    private static Template nativeTemplate;

    @BeforeAll
    static void synthesize() {
        jvm = SynthesizedTenants.get().jvm;
        nativeTemplate = SynthesizedTenants.get().nativeTemplate;
    }

    @Test
    void jvmAdmission_runsJava21WithSnapStart_for30Seconds_withoutReservedConcurrency() {
        jvm.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "wardwatch-st-aurelia-admission",
                "Runtime", "java21",
                "Handler", "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest",
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "MemorySize", 1536,
                "Timeout", 30,
                "ReservedConcurrentExecutions", Match.absent()));
        String function = TemplateJson.logicalId(jvm, "AWS::Lambda::Function", "AdmissionsFunction");
        jvm.hasResourceProperties("AWS::Lambda::Alias", Map.of("Name", "live", "FunctionName", ref(function)));
    }

    @Test
    void nativeAdmission_runsTheBootstrapOnAl2023() {
        nativeTemplate.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "wardwatch-harbour-clinic-admission",
                "Runtime", "provided.al2023",
                "Handler", "bootstrap",
                "SnapStart", Match.absent(),
                "Timeout", 30,
                "ReservedConcurrentExecutions", Match.absent()));
    }

    @Test
    void functionName_fitsLambdasLimit_forTheLongestTenantId() {
        // tenant ids are at most 32 characters (TenantConfigReader); Lambda function names at most 64
        assertThat(new TenantNames("a".repeat(32)).resource(Handler.ADMISSION.handlerName()))
                .hasSizeLessThanOrEqualTo(64);
    }

}
