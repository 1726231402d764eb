package org.wardwatch.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.infra.TemplateJson.ref;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.model.tenant.TenantNames;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The functions operators and tooling invoke (OperatorFunction): the temperature log pharmacy tooling fetches, the
 * excursion acknowledgement, admissions (later also the staff API's). Their IAM is checked in LeastPrivilegeTest.
 */
class OperatorFunctionsTest {

    private static Template jvm;
    private static Template nativeTemplate;

    @BeforeAll
    static void synthesize() {
        jvm = SynthesizedTenants.get().jvm;
        nativeTemplate = SynthesizedTenants.get().nativeTemplate;
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({"TemperatureLogs, temperature-log, 60", "ExcursionAcknowledgements, acknowledge-excursion, 30",
            "Admissions, admission, 30", "Acknowledgements, acknowledge, 30"})
    void jvm_runsJava21WithSnapStart_forItsTimeout_withoutReservedConcurrency(String construct, String handler,
                                                                             int timeout) {
        jvm.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "wardwatch-st-aurelia-" + handler,
                "Runtime", "java21",
                "Handler", "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest",
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "MemorySize", 1536,
                "Timeout", timeout,
                "ReservedConcurrentExecutions", Match.absent()));
        String function = TemplateJson.logicalId(jvm, "AWS::Lambda::Function", construct + "Function");
        jvm.hasResourceProperties("AWS::Lambda::Alias", Map.of("Name", "live", "FunctionName", ref(function)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"temperature-log, 60", "acknowledge-excursion, 30", "admission, 30", "acknowledge, 30"})
    void native_runsTheBootstrapOnAl2023(String handler, int timeout) {
        nativeTemplate.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "wardwatch-harbour-clinic-" + handler,
                "Runtime", "provided.al2023",
                "Handler", "bootstrap",
                "SnapStart", Match.absent(),
                "Timeout", timeout,
                "ReservedConcurrentExecutions", Match.absent()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"temperature-log", "acknowledge-excursion", "admission", "acknowledge", "escalation"})
    void functionName_fitsLambdasLimit_forTheLongestTenantId(String handler) {
        // tenant ids are at most 32 characters (TenantConfigReader); Lambda function names at most 64
        assertThat(new TenantNames("a".repeat(32)).resource(handler)).hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void temperatureLogsHospitalTimeZone_comesFromTheConfig_andIsUtcWhenItSaysNothing() {
        assertThat(TemplateJson.environment(jvm, "TemperatureLogsFunction"))
                .containsEntry("WARDWATCH_TIME_ZONE", "Europe/London");
        assertThat(TemplateJson.environment(nativeTemplate, "TemperatureLogsFunction"))
                .containsEntry("WARDWATCH_TIME_ZONE", "UTC");
    }
}
