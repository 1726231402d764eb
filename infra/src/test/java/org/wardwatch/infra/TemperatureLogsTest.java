package org.wardwatch.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.infra.TemplateJson.ref;

/** The temperature-log function pharmacy tooling invokes; its IAM is checked in LeastPrivilegeTest. */
class TemperatureLogsTest {

    private static Template jvm;
    private static Template nativeTemplate;

    @BeforeAll
    static void synthesize() {
        jvm = SynthesizedTenants.get().jvm;
        nativeTemplate = SynthesizedTenants.get().nativeTemplate;
    }

    @Test
    void hospitalTimeZone_comesFromTheConfig_andIsUtcWhenItSaysNothing() {
        assertThat(TemplateJson.environment(jvm, "TemperatureLogsFunction"))
                .containsEntry("WARDWATCH_TIME_ZONE", "Europe/London");
        assertThat(TemplateJson.environment(nativeTemplate, "TemperatureLogsFunction"))
                .containsEntry("WARDWATCH_TIME_ZONE", "UTC");
    }

    @Test
    void jvmTemperatureLog_runsJava21WithSnapStart_withoutReservedConcurrency() {
        jvm.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "wardwatch-st-aurelia-temperature-log",
                "Runtime", "java21",
                "Handler", "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest",
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "MemorySize", 1536,
                "Timeout", 60,
                "ReservedConcurrentExecutions", Match.absent()));
        String function = TemplateJson.logicalId(jvm, "AWS::Lambda::Function", "TemperatureLogsFunction");
        jvm.hasResourceProperties("AWS::Lambda::Alias", Map.of("Name", "live", "FunctionName", ref(function)));
    }

    @Test
    void nativeTemperatureLog_runsTheBootstrapOnAl2023() {
        nativeTemplate.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "wardwatch-harbour-clinic-temperature-log",
                "Runtime", "provided.al2023",
                "Handler", "bootstrap",
                "SnapStart", Match.absent(),
                "Timeout", 60,
                "ReservedConcurrentExecutions", Match.absent()));
    }

}
