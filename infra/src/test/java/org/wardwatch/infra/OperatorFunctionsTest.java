package org.wardwatch.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.infra.TemplateJson.ref;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.model.tenant.TenantNames;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The functions operators and tooling invoke (OperatorFunction): admissions and the acknowledgement of any alert.
 * The temperature log and an excursion's acknowledgement have none: the staff API serves them. Their IAM is checked
 * in LeastPrivilegeTest.
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
    @CsvSource({"Admissions, admission, 30", "Acknowledgements, acknowledge, 30"})
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
    @CsvSource({"admission, 30", "acknowledge, 30"})
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
    @CsvSource({"admission", "acknowledge", "escalation"})
    void functionName_fitsLambdasLimit_forTheLongestTenantId(String handler) {
        // tenant ids are at most 32 characters (TenantConfigReader); Lambda function names at most 64
        assertThat(new TenantNames("a".repeat(32)).resource(handler)).hasSizeLessThanOrEqualTo(64);
    }

    /** The staff API serves both (GET /storage/{device}/temperature-log, POST .../excursions/{start}/ack). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"temperature-log", "acknowledge-excursion"})
    @SuppressWarnings("unchecked")
    void theRetiredTemperatureLogAndExcursionAcknowledgementFunctions_areNotDeployed(String handler) {
        for (Template template : List.of(jvm, nativeTemplate)) {
            List<String> namesAndHandlers = new ArrayList<>();
            template.findResources("AWS::Lambda::Function").values().forEach(function -> {
                Map<String, Object> properties = (Map<String, Object>) function.get("Properties");
                namesAndHandlers.add(String.valueOf(properties.get("FunctionName")));
                Map<String, Object> environment = (Map<String, Object>) properties.get("Environment");
                if (environment != null) {
                    namesAndHandlers.add(String.valueOf(((Map<String, Object>) environment.get("Variables"))
                            .get("QUARKUS_LAMBDA_HANDLER")));
                }
            });
            assertThat(namesAndHandlers).as("function names and handlers").isNotEmpty()
                    .noneMatch(name -> name.endsWith(handler));
            assertThat(template.findResources("AWS::Logs::LogGroup", Map.of("Properties", Match.objectLike(Map.of(
                    "LogGroupName", Match.stringLikeRegexp(".*-" + handler)))))).as("log groups").isEmpty();
        }
    }
}
