package org.wardwatch.localstack.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Lambda's asynchronous invocation, as the IoT rule's Lambda action uses it: on error the event is retried
 * (twice by default), then sent to the on-failure destination with Lambda's destination record. AWS waits about
 * one and then two minutes between attempts; locally the delays are short and configurable.
 */
public final class AsyncInvoker implements AutoCloseable {

    /** How an asynchronous invocation ended. */
    public record Outcome(boolean succeeded, int attempts, InvocationResult last) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FunctionPool pool;
    private final List<Duration> retryDelays;
    private final Consumer<String> onFailureDestination;
    private final String functionArn;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "async-retry");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param retryDelays one delay per retry: Lambda's default of two retries is two delays
     * @param onFailureDestination receives the destination record of an event whose retries are exhausted
     */
    public AsyncInvoker(FunctionPool pool, List<Duration> retryDelays, Consumer<String> onFailureDestination,
                        String functionArn) {
        this.pool = pool;
        this.retryDelays = List.copyOf(retryDelays);
        this.onFailureDestination = onFailureDestination;
        this.functionArn = functionArn;
    }

    public CompletableFuture<Outcome> invoke(String event) {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        attempt(event, 1, outcome);
        return outcome;
    }

    private void attempt(String event, int attempt, CompletableFuture<Outcome> outcome) {
        pool.invoke(event).whenComplete((result, error) -> {
            if (error == null && !result.failed()) {
                outcome.complete(new Outcome(true, attempt, result));
            } else if (attempt <= retryDelays.size()) {
                scheduler.schedule(() -> attempt(event, attempt + 1, outcome),
                        retryDelays.get(attempt - 1).toMillis(), TimeUnit.MILLISECONDS);
            } else {
                InvocationResult last = result != null ? result
                        : InvocationResult.failure("none", "Local.Error", "{\"errorMessage\":\"" + error + "\"}");
                try {
                    onFailureDestination.accept(destinationRecord(event, attempt, last));
                    outcome.complete(new Outcome(false, attempt, last));
                } catch (RuntimeException e) {
                    outcome.completeExceptionally(e);
                }
            }
        });
    }

    /** Lambda's record for an on-failure destination: the original event with why it failed. */
    String destinationRecord(String event, int attempts, InvocationResult last) {
        ObjectNode record = JSON.createObjectNode();
        record.put("version", "1.0");
        record.put("timestamp", Instant.now().toString());
        ObjectNode context = record.putObject("requestContext");
        context.put("requestId", last.requestId());
        context.put("functionArn", functionArn + ":$LATEST");
        context.put("condition", "RetriesExhausted");
        context.put("approximateInvokeCount", attempts);
        record.set("requestPayload", parse(event));
        ObjectNode response = record.putObject("responseContext");
        response.put("statusCode", 200);
        response.put("executedVersion", "$LATEST");
        response.put("functionError", last.errorType());
        record.set("responsePayload", parse(last.body()));
        return record.toString();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
