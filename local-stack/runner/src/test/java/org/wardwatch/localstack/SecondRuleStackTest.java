package org.wardwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.wardwatch.devicecerts.DeviceKind;
import org.wardwatch.devicecerts.DeviceSpec;
import org.wardwatch.devicecerts.TenantId;
import org.wardwatch.devicecerts.ThingName;
import org.wardwatch.emulator.ProjectRoot;
import org.wardwatch.localstack.tenant.TenantRule;
import org.wardwatch.localstack.tenant.TenantSynth;
import org.wardwatch.localstack.ward.DeviceConnection;

/**
 * A stack whose template has a second topic rule: the synthesized tenant template with a rule added that sends
 * IoT Core's lifecycle events ({@code SELECT * FROM '$aws/events/presence/+/+'}) to another function of the stack,
 * with the telemetry rule's error queue and on-failure queue. The stack's {@code silence} function stands in for
 * the presence function, which this template does not have. Each publish reaches only its own rule's function,
 * lifecycle events the function fails on (the emulator unreachable) are dead-lettered, and the device accounting
 * counts the telemetry rule only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecondRuleStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIFECYCLE_RULE = "wardwatch_demo_hospital_lifecycle_test";
    private static LocalStack stack;
    private static String secondFunction;

    @BeforeAll
    static void startAStackWithASecondRule() throws IOException {
        Path root = ProjectRoot.find();
        Path config = root.resolve("local-stack/tenant.json");
        Path synthesized = TenantSynth.template(root, config, root.resolve("functions/target/function.zip"),
                root.resolve("local-stack/.run/synth"));
        Path template = root.resolve("local-stack/runner/target/second-rule-test.template.json");
        Files.createDirectories(template.getParent());
        Files.writeString(template, withLifecycleRule(JSON.readTree(synthesized.toFile())).toString());
        stack = LocalStack.start(new LocalStack.Options(root, config,
                root.resolve("local-stack/runner/target/second-rule-test"), 1,
                List.of(Duration.ofMillis(100), Duration.ofMillis(100)), System.err, true, null, template));
        secondFunction = stack.tenant().ruleFor("silence").orElseThrow().target().functionName();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** The template with a topic rule on lifecycle events invoking the silence function's live alias. */
    private static JsonNode withLifecycleRule(JsonNode template) {
        ObjectNode resources = (ObjectNode) template.get("Resources");
        String silence = logicalId(resources, "AWS::Lambda::Function",
                f -> f.at("/Environment/Variables/QUARKUS_LAMBDA_HANDLER").asText().equals("silence"));
        String telemetry = logicalId(resources, "AWS::Lambda::Function",
                f -> f.at("/Environment/Variables/QUARKUS_LAMBDA_HANDLER").asText().equals("telemetry"));
        String alias = logicalId(resources, "AWS::Lambda::Alias",
                a -> a.at("/FunctionName/Ref").asText().equals(silence));
        JsonNode telemetryRule = resources.get(logicalId(resources, "AWS::IoT::TopicRule", r -> true))
                .get("Properties");
        JsonNode onFailure = resources.get(logicalId(resources, "AWS::Lambda::EventInvokeConfig",
                c -> c.at("/FunctionName/Ref").asText().equals(telemetry))).at("/Properties/DestinationConfig");
        ((ObjectNode) resources.get(logicalId(resources, "AWS::Lambda::EventInvokeConfig",
                c -> c.at("/FunctionName/Ref").asText().equals(silence))).get("Properties"))
                .set("DestinationConfig", onFailure.deepCopy());

        ObjectNode rule = resources.putObject("LifecycleTestTopicRule");
        rule.put("Type", "AWS::IoT::TopicRule");
        ObjectNode properties = rule.putObject("Properties");
        properties.put("RuleName", LIFECYCLE_RULE);
        ObjectNode payload = properties.putObject("TopicRulePayload");
        payload.putArray("Actions").addObject().putObject("Lambda").putObject("FunctionArn").put("Ref", alias);
        payload.put("AwsIotSqlVersion", "2016-03-23");
        payload.set("ErrorAction", telemetryRule.at("/TopicRulePayload/ErrorAction").deepCopy());
        payload.put("Sql", "SELECT * FROM '$aws/events/presence/+/+'");
        return template;
    }

    private static String logicalId(ObjectNode resources, String type, Predicate<JsonNode> properties) {
        List<String> found = new java.util.ArrayList<>();
        resources.fields().forEachRemaining(e -> {
            if (e.getValue().path("Type").asText().equals(type) && properties.test(e.getValue().path("Properties"))) {
                found.add(e.getKey());
            }
        });
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }

    private static LocalStack.Credentials declare(String thing, String bed) {
        return stack.declare(new DeviceSpec(TenantId.of(stack.tenant().tenantId()), ThingName.of(thing),
                DeviceKind.PULSE_OXIMETER, "ICU-3", bed, null));
    }

    /** Waits until the second rule has matched {@code count} events and the pipeline is idle. */
    private static void awaitLifecycleEvents(long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (stack.stats().events("silence").delivered.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(stack.stats().events("silence").delivered.get()).isEqualTo(count);
        assertThat(stack.rules().awaitIdle(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    @Order(1)
    void bothRulesAreRun_eachWithItsOwnFunction() {
        assertThat(stack.tenant().rules()).extracting(TenantRule::name)
                .containsExactly("wardwatch_demo_hospital_telemetry", LIFECYCLE_RULE);
        assertThat(stack.functions(secondFunction).name()).isEqualTo(secondFunction);
        assertThat(stack.functions().name()).isEqualTo(stack.tenant().functionName());
    }

    @Test
    @Order(2)
    void aDevicesSession_reachesTheSecondRulesFunction_andOnlyItsReadingIsInTheDeviceAccounting() throws Exception {
        LocalStack.Credentials device = declare("multi-icu3-bed1-spo2", "1");
        byte[] reading = ("{\"schema\":\"wardwatch.reading.v1\",\"messageId\":\"m-1\",\"deviceTime\":\""
                + Instant.now() + "\",\"readings\":[{\"metric\":\"spo2\",\"value\":97,\"unit\":\"%\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        try (DeviceConnection connection = stack.connect(device)) {
            assertThat(connection.publish(stack.tenant().telemetryTopic(device.thing()), reading)
                    .get(15, TimeUnit.SECONDS)).isTrue();
        }

        awaitLifecycleEvents(2);

        PipelineStats stats = stack.stats();
        assertThat(stats.published.get()).as("telemetry messages").isEqualTo(1);
        assertThat(stats.messages.get()).isEqualTo(1);
        assertThat(stats.readingsStored.get()).isEqualTo(1);
        // The silence function answers its check's document, which has no outcome field.
        assertThat(stats.events("silence").outcomes()).isEqualTo(Map.of("no outcome", 2L));
        assertThat(stats.events("silence").deadLettered.get()).isZero();
        assertThat(stack.deadLetters()).isZero();
        assertThat(stats.events()).containsOnlyKeys("silence");
    }

    @Test
    @Order(3)
    void lifecycleEventsTheFunctionFailsOn_areDeadLetteredForTheirRuleOnly() throws Exception {
        LocalStack.Credentials device = declare("multi-icu3-bed2-spo2", "2");
        stack.faults().down();
        try {
            stack.connect(device).close();
            awaitLifecycleEvents(4);
        } finally {
            stack.faults().pass();
        }

        PipelineStats stats = stack.stats();
        assertThat(stats.events("silence").deadLettered.get()).isEqualTo(2);
        assertThat(stats.events("silence").outcomes()).isEqualTo(Map.of("no outcome", 2L));
        assertThat(stats.deadLetters.get()).as("telemetry dead letters").isZero();
        assertThat(stats.published.get()).isEqualTo(1);
        List<JsonNode> records = stack.onFailureRecords().stream().map(SecondRuleStackTest::json).toList();
        assertThat(records).allSatisfy(record -> {
            assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
            assertThat(record.at("/requestContext/functionArn").asText()).contains(secondFunction);
            assertThat(record.at("/requestPayload/clientId").asText()).isEqualTo(device.thing());
        });
        assertThat(records).extracting(r -> r.at("/requestPayload/eventType").asText())
                .containsExactlyInAnyOrder("connected", "disconnected");
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: an on-failure record", e);
        }
    }
}
