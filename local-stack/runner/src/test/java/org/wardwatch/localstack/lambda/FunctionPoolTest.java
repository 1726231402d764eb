package org.wardwatch.localstack.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wardwatch.emulator.MotoServer;
import org.wardwatch.emulator.ProjectRoot;

/**
 * The packaged function.zip under AWS's Runtime Interface Client, against a local Runtime API, as Lambda runs it.
 * Its tables are absent on purpose: every invocation fails, which shows errors, retries and the on-failure
 * destination. (The full pipeline, with a provisioned tenant, is tested elsewhere.)
 */
class FunctionPoolTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static FunctionPool pool;
    private static Path work;

    @BeforeAll
    static void startTwoWarmInstances() throws Exception {
        Path root = ProjectRoot.find();
        work = root.resolve("local-stack/runner/target/function-pool-test");
        Path code = FunctionCode.unpack(root.resolve("functions/target/function.zip"), work.resolve("task"));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_LAMBDA_HANDLER", "telemetry");
        env.put("WARDWATCH_TENANT_ID", "pool-test");
        env.put("WARDWATCH_READINGS_TABLE", "pool-test-no-readings");
        env.put("WARDWATCH_QUARANTINE_TABLE", "pool-test-no-quarantine");
        env.put("WARDWATCH_DEVICES_TABLE", "pool-test-no-devices");
        env.put("WARDWATCH_ALERT_TOPIC_ARN", "arn:aws:sns:eu-west-2:123456789012:pool-test-alerts");
        List<Path> ric = FunctionCode.runtimeClient(Path.of(System.getProperty("wardwatch.lambdaRuntime")));
        FunctionSpec spec = new FunctionSpec("pool-test-telemetry", code, ric,
                "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest", env,
                Duration.ofSeconds(20), 512,
                List.of("-XX:TieredStopAtLevel=1", FunctionCode.nativeLibraryOption(ric, work.resolve("jni"))));
        Map<String, String> aws = new LinkedHashMap<>();
        aws.put("AWS_REGION", "eu-west-2");
        aws.put("AWS_ACCESS_KEY_ID", "testing");
        aws.put("AWS_SECRET_ACCESS_KEY", "testing");
        aws.put("AWS_ENDPOINT_URL", MotoServer.shared().endpoint().toString());
        pool = new FunctionPool(spec, aws, work.resolve("logs"));
        pool.start(2, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.close();
        }
    }

    private static String event(String payload) {
        return "{\"payload\":\"" + Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "\",\"tenantId\":\"pool-test\",\"thingName\":\"d1\",\"clientId\":\"d1\",\"receivedAt\":1764064800000}";
    }

    @Test
    void rejectedMessage_isAnsweredByTheFunction() throws Exception {
        // an event for another tenant is rejected before any table is read... but quarantining needs its table
        InvocationResult result = pool.invoke("{\"payload\":\"e30=\",\"tenantId\":\"other\",\"thingName\":\"d1\","
                + "\"clientId\":\"d1\",\"receivedAt\":1764064800000}").get(60, TimeUnit.SECONDS);

        assertThat(result.failed()).isTrue();
        assertThat(JSON.readTree(result.body()).get("errorType").asText()).contains("ResourceNotFoundException");
    }

    @Test
    void failingEvent_isRetriedTwice_thenSentToTheOnFailureDestinationWithTheOriginalEvent() throws Exception {
        List<String> deadLetters = new CopyOnWriteArrayList<>();
        String event = event("{\"schema\":\"wardwatch.reading.v1\"}");
        try (AsyncInvoker invoker = new AsyncInvoker(pool, List.of(Duration.ofMillis(50), Duration.ofMillis(50)),
                deadLetters::add, "arn:aws:lambda:eu-west-2:000000000000:function:pool-test-telemetry")) {

            AsyncInvoker.Outcome outcome = invoker.invoke(event).get(60, TimeUnit.SECONDS);

            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.attempts()).isEqualTo(3);
        }
        assertThat(deadLetters).hasSize(1);
        JsonNode record = JSON.readTree(deadLetters.get(0));
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
        assertThat(record.get("requestPayload")).isEqualTo(JSON.readTree(event));
        assertThat(record.at("/responsePayload/errorType").asText()).contains("ResourceNotFoundException");
    }

    /**
     * Each of the first two invocations is held in its environment until the other has been handed out too: an
     * environment holding one cannot take another, so the second must go to the other environment; the pool
     * passes only when both serve at once.
     */
    @Test
    void concurrentInvocations_areServedByBothWarmInstancesAtOnce() throws Exception {
        CountDownLatch bothBusy = new CountDownLatch(2);
        Map<String, Long> servedBy = new ConcurrentHashMap<>();
        AtomicInteger heldInVain = new AtomicInteger();
        pool.onHandout((event, pid) -> {
            servedBy.put(event, pid);
            bothBusy.countDown();
            try {
                if (!bothBusy.await(10, TimeUnit.SECONDS)) { // well within the 20 s timeout
                    heldInVain.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<CompletableFuture<InvocationResult>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                results.add(pool.invoke(event("{\"n\":" + i + "}")));
            }
            for (var r : results) {
                assertThat(r.get(60, TimeUnit.SECONDS).requestId()).isNotBlank();
            }
        } finally {
            pool.onHandout((event, pid) -> { });
        }

        assertThat(heldInVain.get()).as("invocations held while no other instance took one").isZero();
        assertThat(servedBy).hasSize(10);
        assertThat(Set.copyOf(servedBy.values())).as("the instances that served")
                .hasSize(2).containsExactlyInAnyOrderElementsOf(pool.instancePids());
        assertThat(pool.restarts()).isZero();
    }
}
