package org.wardwatch.localstack.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.wardwatch.localstack.PipelineStats;
import org.wardwatch.localstack.broker.PublishListener;
import org.wardwatch.localstack.lambda.AsyncInvoker;

/**
 * IoT Core's rules engine for the tenant's one topic rule: every authorized publish whose topic matches the rule's
 * filter becomes the event its SQL describes, and the rule's Lambda action invokes the function asynchronously.
 * When the action itself cannot be carried out, the rule's error action receives the original payload,
 * base64-encoded, with the failure.
 */
public final class RulesEngine implements PublishListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String ruleName;
    private final TopicRule rule;
    private final AsyncInvoker action;
    private final Consumer<String> errorAction;
    private final PipelineStats stats;
    private final Object idle = new Object();
    private int inFlight;

    public RulesEngine(String ruleName, TopicRule rule, AsyncInvoker action, Consumer<String> errorAction,
                       PipelineStats stats) {
        this.ruleName = ruleName;
        this.rule = rule;
        this.action = action;
        this.errorAction = errorAction;
        this.stats = stats;
    }

    @Override
    public void onPublish(String clientId, String topic, byte[] payload, long receivedAtMillis) {
        if (!rule.matches(topic)) {
            return;
        }
        stats.published.incrementAndGet();
        String event = rule.event(topic, clientId, payload, receivedAtMillis);
        synchronized (idle) {
            inFlight++;
        }
        try {
            action.invoke(event).whenComplete((outcome, error) -> {
                try {
                    if (error != null) {
                        errorAction.accept(errorRecord(topic, clientId, payload, error.toString()));
                        stats.deadLetters.incrementAndGet();
                    } else {
                        stats.retries.addAndGet(outcome.attempts() - 1);
                        if (outcome.succeeded()) {
                            stats.recordResult(outcome.last().body(), System.currentTimeMillis() - receivedAtMillis);
                        } else {
                            stats.deadLetters.incrementAndGet();
                        }
                    }
                } finally {
                    done();
                }
            });
        } catch (RuntimeException e) {
            errorAction.accept(errorRecord(topic, clientId, payload, e.getMessage()));
            stats.deadLetters.incrementAndGet();
            done();
        }
    }

    /** Waits until every matched publish has been processed to its end (stored, rejected or dead-lettered). */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (idle) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
            return true;
        }
    }

    private void done() {
        synchronized (idle) {
            inFlight--;
            idle.notifyAll();
        }
    }

    /** The message IoT Core sends to a rule's error action. */
    private String errorRecord(String topic, String clientId, byte[] payload, String failure) {
        ObjectNode record = JSON.createObjectNode();
        record.put("ruleName", ruleName);
        record.put("topic", topic);
        record.put("cloudwatchTraceId", UUID.randomUUID().toString());
        record.put("clientId", clientId);
        record.put("base64OriginalPayload", Base64.getEncoder().encodeToString(payload));
        ObjectNode failed = record.putArray("failures").addObject();
        failed.put("failedAction", "LambdaAction");
        failed.put("failedResource", ruleName);
        failed.put("errorMessage", failure);
        return record.toString();
    }
}
