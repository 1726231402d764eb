package org.wardwatch.localstack.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.wardwatch.localstack.PipelineStats;
import org.wardwatch.localstack.lambda.AsyncInvoker;
import org.wardwatch.localstack.lambda.InvocationResult;

/**
 * The rules engine with the tenant's two rules, telemetry and presence, and functions that answer at once: each
 * publish goes to every rule whose filter matches, as that rule's event, and is counted by that rule only.
 */
class RulesEngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TELEMETRY_SQL = "SELECT encode(*, 'base64') AS payload, topic(2) AS tenantId, "
            + "topic(4) AS thingName, clientid() AS clientId, timestamp() AS receivedAt "
            + "FROM 'tenants/demo-hospital/devices/+/telemetry'";
    private static final String PRESENCE_SQL = "SELECT * FROM '$aws/events/presence/+/+'";
    private static final String TELEMETRY_TOPIC = "tenants/demo-hospital/devices/fridge-3b/telemetry";
    private static final String CONNECTED_TOPIC = "$aws/events/presence/connected/fridge-3b";

    private final PipelineStats stats = new PipelineStats();
    private final List<String> telemetryEvents = new CopyOnWriteArrayList<>();
    private final List<String> presenceEvents = new CopyOnWriteArrayList<>();
    private final List<String> errorRecords = new CopyOnWriteArrayList<>();

    /** A function that records each event and answers {@code answer} at once. */
    private static RulesEngine.LambdaAction function(List<String> events,
                                                     Function<String, AsyncInvoker.Outcome> answer) {
        return event -> {
            events.add(event);
            return CompletableFuture.completedFuture(answer.apply(event));
        };
    }

    private static AsyncInvoker.Outcome answered(String body) {
        return new AsyncInvoker.Outcome(true, 1, new InvocationResult("r", false, body, null));
    }

    private RulesEngine engine(RulesEngine.LambdaAction telemetry, RulesEngine.LambdaAction presence) {
        return new RulesEngine(List.of(
                new RulesEngine.Rule("wardwatch_demo_hospital_telemetry", TopicRule.parse(TELEMETRY_SQL), telemetry,
                        errorRecords::add, stats.telemetry()),
                new RulesEngine.Rule("wardwatch_demo_hospital_presence", TopicRule.parse(PRESENCE_SQL), presence,
                        errorRecords::add, stats.presence())));
    }

    private static byte[] connected(String clientId, long version) {
        return ("{\"clientId\":\"" + clientId + "\",\"timestamp\":1767225600123,\"eventType\":\"connected\","
                + "\"sessionIdentifier\":\"00112233445566778899aabbccddeeff\",\"principalIdentifier\":\"ab12\","
                + "\"ipAddress\":\"127.0.0.1\",\"versionNumber\":" + version + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void eachPublish_goesOnlyToTheRulesWhoseFilterMatches_asThatRulesEvent() throws Exception {
        RulesEngine rules = engine(function(telemetryEvents, e -> answered("{\"outcome\":\"ACCEPTED\"}")),
                function(presenceEvents, e -> answered("{\"outcome\":\"RECORDED\"}")));
        byte[] reading = "{\"celsius\": 4.2}".getBytes(StandardCharsets.UTF_8);

        rules.onPublish("fridge-3b", TELEMETRY_TOPIC, reading, 1L);
        rules.onPublish("fridge-3b", CONNECTED_TOPIC, connected("fridge-3b", 1), 2L);
        rules.onPublish("fridge-3b", "tenants/demo-hospital/devices/fridge-3b/status", reading, 3L);

        assertThat(rules.awaitIdle(5, TimeUnit.SECONDS)).isTrue();
        assertThat(telemetryEvents).singleElement().satisfies(event -> {
            JsonNode e = JSON.readTree(event);
            assertThat(Base64.getDecoder().decode(e.get("payload").asText())).isEqualTo(reading);
            assertThat(e.get("thingName").asText()).isEqualTo("fridge-3b");
        });
        assertThat(presenceEvents).singleElement()
                .satisfies(event -> assertThat(JSON.readTree(event))
                        .isEqualTo(JSON.readTree(connected("fridge-3b", 1))));
        assertThat(errorRecords).isEmpty();
    }

    @Test
    void aTopicTwoRulesMatch_invokesBothFunctions() throws Exception {
        List<String> auditEvents = new CopyOnWriteArrayList<>();
        RulesEngine rules = new RulesEngine(List.of(
                new RulesEngine.Rule("presence", TopicRule.parse(PRESENCE_SQL),
                        function(presenceEvents, e -> answered("{\"outcome\":\"RECORDED\"}")), errorRecords::add,
                        stats.presence()),
                new RulesEngine.Rule("audit", TopicRule.parse("SELECT topic(4) AS kind FROM '$aws/events/presence/#'"),
                        function(auditEvents, e -> answered("{}")), errorRecords::add, stats.events("audit"))));

        rules.onPublish("fridge-3b", CONNECTED_TOPIC, connected("fridge-3b", 1), 2L);

        assertThat(rules.awaitIdle(5, TimeUnit.SECONDS)).isTrue();
        assertThat(presenceEvents).hasSize(1);
        assertThat(auditEvents).containsExactly("{\"kind\":\"connected\"}");
        assertThat(stats.presence().delivered.get()).isEqualTo(1);
        assertThat(stats.events("audit").delivered.get()).isEqualTo(1);
    }

    @Test
    void deviceAccounting_countsTheTelemetryRuleOnly_andPresenceOutcomesAreCountedApart() throws Exception {
        RulesEngine rules = engine(
                function(telemetryEvents, e -> answered("{\"outcome\":\"ACCEPTED\",\"readingsStored\":2}")),
                function(presenceEvents, e -> answered(
                        e.contains("\"versionNumber\":1") ? "{\"outcome\":\"RECORDED\",\"reason\":\"newer\"}"
                                : "{\"outcome\":\"DUPLICATE\",\"reason\":\"already recorded\"}")));

        rules.onPublish("fridge-3b", TELEMETRY_TOPIC, "{}".getBytes(StandardCharsets.UTF_8), 1L);
        rules.onPublish("fridge-3b", CONNECTED_TOPIC, connected("fridge-3b", 1), 2L);
        rules.onPublish("fridge-3b", CONNECTED_TOPIC, connected("fridge-3b", 2), 3L);

        assertThat(rules.awaitIdle(5, TimeUnit.SECONDS)).isTrue();
        assertThat(stats.published.get()).isEqualTo(1);
        assertThat(stats.messages.get()).isEqualTo(1);
        assertThat(stats.readingsStored.get()).isEqualTo(2);
        assertThat(stats.presence().delivered.get()).isEqualTo(2);
        assertThat(stats.presence().outcomes())
                .containsExactlyInAnyOrderEntriesOf(Map.of("RECORDED", 1L, "DUPLICATE", 1L));
        assertThat(stats.presence().deadLettered.get()).isZero();
    }

    @Test
    void nonJsonPayloadUnderSelectStar_isNotDeliveredToTheFunction_andTheErrorActionGetsIt() throws Exception {
        RulesEngine rules = engine(function(telemetryEvents, e -> answered("{}")),
                function(presenceEvents, e -> answered("{\"outcome\":\"RECORDED\"}")));
        byte[] notJson = "connected, honest".getBytes(StandardCharsets.UTF_8);

        rules.onPublish("fridge-3b", CONNECTED_TOPIC, notJson, 2L);

        assertThat(rules.awaitIdle(5, TimeUnit.SECONDS)).isTrue();
        assertThat(presenceEvents).isEmpty();
        assertThat(errorRecords).singleElement().satisfies(body -> {
            JsonNode record = JSON.readTree(body);
            assertThat(record.get("ruleName").asText()).isEqualTo("wardwatch_demo_hospital_presence");
            assertThat(record.get("topic").asText()).isEqualTo(CONNECTED_TOPIC);
            assertThat(Base64.getDecoder().decode(record.get("base64OriginalPayload").asText())).isEqualTo(notJson);
            assertThat(record.at("/failures/0/failedAction").asText()).isEqualTo("LambdaAction");
        });
        assertThat(stats.presence().deadLettered.get()).isEqualTo(1);
        assertThat(stats.deadLetters.get()).as("telemetry dead letters").isZero();
    }

    @Test
    void exhaustedRetries_andAnActionThatCannotRun_areDeadLettered_forTheirOwnRule() throws Exception {
        InvocationResult crashed = new InvocationResult("r", true, "{\"errorType\":\"Runtime.ExitError\"}",
                "Runtime.ExitError");
        RulesEngine rules = engine(
                event -> CompletableFuture.failedFuture(new IllegalStateException("the function is stopped")),
                function(presenceEvents, e -> new AsyncInvoker.Outcome(false, 3, crashed)));

        rules.onPublish("fridge-3b", TELEMETRY_TOPIC, "{}".getBytes(StandardCharsets.UTF_8), 1L);
        rules.onPublish("fridge-3b", CONNECTED_TOPIC, connected("fridge-3b", 1), 2L);

        assertThat(rules.awaitIdle(5, TimeUnit.SECONDS)).isTrue();
        assertThat(stats.deadLetters.get()).isEqualTo(1);
        assertThat(errorRecords).singleElement().asString().contains("wardwatch_demo_hospital_telemetry");
        assertThat(stats.presence().deadLettered.get()).isEqualTo(1);
        assertThat(stats.presence().retries.get()).isEqualTo(2);
        assertThat(stats.presence().outcomes()).isEmpty();
    }

    @Test
    void awaitIdle_waitsForEveryRulesPendingInvocation() throws Exception {
        List<CompletableFuture<AsyncInvoker.Outcome>> pending = new ArrayList<>();
        RulesEngine.LambdaAction slow = event -> {
            CompletableFuture<AsyncInvoker.Outcome> f = new CompletableFuture<>();
            pending.add(f);
            return f;
        };
        RulesEngine rules = engine(function(telemetryEvents, e -> answered("{}")), slow);

        rules.onPublish("fridge-3b", TELEMETRY_TOPIC, "{}".getBytes(StandardCharsets.UTF_8), 1L);
        rules.onPublish("fridge-3b", CONNECTED_TOPIC, connected("fridge-3b", 1), 2L);

        assertThat(rules.awaitIdle(100, TimeUnit.MILLISECONDS)).isFalse();
        pending.get(0).complete(answered("{\"outcome\":\"STALE\"}"));
        assertThat(rules.awaitIdle(5, TimeUnit.SECONDS)).isTrue();
        assertThat(stats.presence().outcome("STALE")).isEqualTo(1);
    }

    @Test
    void closedEngine_runsNothingMore() throws Exception {
        RulesEngine rules = engine(function(telemetryEvents, e -> answered("{}")),
                function(presenceEvents, e -> answered("{}")));

        rules.close();
        rules.onPublish("fridge-3b", CONNECTED_TOPIC, connected("fridge-3b", 1), 2L);

        assertThat(rules.awaitIdle(1, TimeUnit.SECONDS)).isTrue();
        assertThat(presenceEvents).isEmpty();
        assertThat(stats.presence().delivered.get()).isZero();
    }
}
