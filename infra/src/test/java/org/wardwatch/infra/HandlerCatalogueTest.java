package org.wardwatch.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wardwatch.model.tenant.Handler;
import org.wardwatch.model.tenant.TenantNames;
import software.amazon.awscdk.assertions.Template;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stack is built from the model's handler catalogue: one function per handler, named after it, with the
 * catalogue's timeout, invoked by exactly the catalogue's trigger (a topic rule, the schedule, or nothing in the
 * stack for a handler an operator invokes).
 */
class HandlerCatalogueTest {

    private static final Template TEMPLATE = SynthesizedTenants.get().jvm;
    private static final Map<String, Map<String, Object>> RESOURCES = TemplateJson.resources(TEMPLATE);

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(String logicalId) {
        return (Map<String, Object>) RESOURCES.get(logicalId).get("Properties");
    }

    /** The function of a handler: the only one whose QUARKUS_LAMBDA_HANDLER it is. */
    @SuppressWarnings("unchecked")
    private static String functionOf(Handler handler) {
        List<String> functions = TemplateJson.logicalIds(TEMPLATE, "AWS::Lambda::Function").stream()
                .filter(id -> handler.handlerName().equals(((Map<String, Map<String, Object>>) properties(id)
                        .get("Environment")).get("Variables").get("QUARKUS_LAMBDA_HANDLER")))
                .toList();
        assertThat(functions).as(handler.handlerName()).hasSize(1);
        return functions.get(0);
    }

    /** What in the template invokes the function, through its live alias or directly. */
    private static Set<Handler.Trigger> triggersOf(String function) {
        List<String> targets = TemplateJson.logicalIds(TEMPLATE, "AWS::Lambda::Alias").stream()
                .filter(alias -> TemplateJson.ref(function).equals(properties(alias).get("FunctionName")))
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        targets.add(function);
        Set<Handler.Trigger> triggers = EnumSet.noneOf(Handler.Trigger.class);
        for (String rule : TemplateJson.logicalIds(TEMPLATE, "AWS::IoT::TopicRule")) {
            String payload = String.valueOf(properties(rule).get("TopicRulePayload"));
            if (invokes(payload, targets)) {
                triggers.add(payload.contains("$aws/events/") ? Handler.Trigger.LIFECYCLE_RULE
                        : Handler.Trigger.TELEMETRY_RULE);
            }
        }
        for (String rule : TemplateJson.logicalIds(TEMPLATE, "AWS::Events::Rule")) {
            if (invokes(String.valueOf(properties(rule).get("Targets")), targets)) {
                triggers.add(Handler.Trigger.SCHEDULE);
            }
        }
        return triggers;
    }

    private static boolean invokes(String text, List<String> targets) {
        return targets.stream().anyMatch(id -> text.contains("=" + id + "}") || text.contains("[" + id + ","));
    }

    @ParameterizedTest
    @EnumSource(Handler.class)
    void everyHandler_hasOneFunction_namedAfterIt_withItsTimeout_invokedByItsTriggerOnly(Handler handler) {
        String function = functionOf(handler);

        assertThat(properties(function).get("FunctionName"))
                .isEqualTo(new TenantNames(SynthesizedTenants.JVM_TENANT).function(handler));
        assertThat(((Number) properties(function).get("Timeout")).longValue())
                .isEqualTo(handler.timeout().toSeconds());
        assertThat(triggersOf(function)).isEqualTo(handler.trigger() == Handler.Trigger.OPERATOR
                ? Set.of() : Set.of(handler.trigger()));
    }

    /** The converse: a retired handler (temperature-log, acknowledge-excursion) leaves no function behind. */
    @Test
    @SuppressWarnings("unchecked")
    void everyFunctionOfTheArtifact_runsAHandlerOfTheCatalogue() {
        List<Object> handlers = TemplateJson.logicalIds(TEMPLATE, "AWS::Lambda::Function").stream()
                .map(id -> (Map<String, Map<String, Object>>) properties(id).get("Environment"))
                .filter(environment -> environment != null
                        && environment.get("Variables").containsKey("QUARKUS_LAMBDA_HANDLER"))
                .map(environment -> environment.get("Variables").get("QUARKUS_LAMBDA_HANDLER"))
                .toList();

        assertThat(handlers).hasSize(Handler.values().length).allSatisfy(name -> assertThat(
                Handler.fromName((String) name)).as("%s is in the catalogue", name).isPresent());
    }
}
