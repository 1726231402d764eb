package org.wardwatch.localstack.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.wardwatch.localstack.broker.PublishListener;
import org.wardwatch.localstack.lambda.AsyncInvoker;

/**
 * IoT Core's rules engine for the tenant's topic rules: every authorized publish (and every lifecycle event the
 * broker publishes) is checked against each rule; for each rule whose filter matches, the publish becomes the
 * event that rule's SQL describes and the rule's Lambda action invokes its function asynchronously. When the action
 * itself cannot be carried out, that rule's error action receives the original payload, base64-encoded, with the
 * failure. Each rule's outcomes are counted by its own {@link RuleAccounting}.
 */
public final class RulesEngine implements PublishListener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A rule's Lambda action: an asynchronous invocation with Lambda's retries ({@link AsyncInvoker}). */
    @FunctionalInterface
    public interface LambdaAction {
        CompletableFuture<AsyncInvoker.Outcome> invoke(String event);
    }

    /**
     * One topic rule as the engine runs it.
     *
     * @param errorAction receives IoT Core's error action record when the action cannot be carried out
     */
    public record Rule(String name, TopicRule sql, LambdaAction action, Consumer<String> errorAction,
                       RuleAccounting accounting) {
    }

    private final List<Rule> rules;
    private final Object idle = new Object();
    private int inFlight;
    private volatile boolean closed;

    public RulesEngine(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules, in the template's order. */
    public List<Rule> rules() {
        return rules;
    }

    @Override
    public void onPublish(String clientId, String topic, byte[] payload, long receivedAtMillis) {
        if (closed) {
            return;
        }
        for (Rule rule : rules) {
            if (rule.sql().matches(topic)) {
                dispatch(rule, clientId, topic, payload, receivedAtMillis);
            }
        }
    }

    private void dispatch(Rule rule, String clientId, String topic, byte[] payload, long receivedAtMillis) {
        synchronized (idle) {
            inFlight++;
        }
        // Counted once in flight: whoever sees the count and then awaits idle waits for this publish too.
        rule.accounting().matched();
        try {
            String event = rule.sql().event(topic, clientId, payload, receivedAtMillis);
            rule.action().invoke(event).whenComplete((outcome, error) -> {
                try {
                    if (error != null) {
                        actionFailed(rule, clientId, topic, payload, error.toString());
                    } else {
                        rule.accounting().completed(outcome, System.currentTimeMillis() - receivedAtMillis);
                    }
                } finally {
                    done();
                }
            });
        } catch (RuntimeException e) {
            // No event for a non-JSON payload under SELECT *, or the function could not be invoked at all.
            try {
                actionFailed(rule, clientId, topic, payload, e.getMessage());
            } finally {
                done();
            }
        }
    }

    private void actionFailed(Rule rule, String clientId, String topic, byte[] payload, String failure) {
        rule.errorAction().accept(errorRecord(rule.name(), topic, clientId, payload, failure));
        rule.accounting().errorAction();
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
    private static String errorRecord(String ruleName, String topic, String clientId, byte[] payload, String failure) {
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

    /**
     * Stops taking publishes: what the broker hands over while the stack shuts down (its own disconnects) is not
     * run, since the functions and queues are stopping too.
     */
    @Override
    public void close() {
        closed = true;
    }
}
