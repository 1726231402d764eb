package org.wardwatch.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.wardwatch.localstack.lambda.AsyncInvoker;
import org.wardwatch.localstack.rules.RuleAccounting;
import org.wardwatch.model.tenant.Handler;

/**
 * What went through the local pipeline. The device accounting (published = stored + quarantined + duplicates +
 * dead-lettered) is the telemetry rule's only: messages it matched, what the telemetry function answered (stored,
 * rejected by reason, duplicates, notifications), its dead letters, and publish-to-stored latencies. Every other
 * rule's function (the presence function, for lifecycle events) is counted apart, by handler: {@link #events}.
 */
public final class PipelineStats {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final AtomicLong published = new AtomicLong();
    public final AtomicLong messages = new AtomicLong();
    public final AtomicLong readingsStored = new AtomicLong();
    public final AtomicLong readingsRejected = new AtomicLong();
    /** Stored, but too old when received to change any alert (the tenant's maxReadingAgeMinutes). */
    public final AtomicLong readingsLate = new AtomicLong();
    public final AtomicLong messagesRejected = new AtomicLong();
    public final AtomicLong duplicates = new AtomicLong();
    public final AtomicLong notifications = new AtomicLong();
    public final AtomicLong deadLetters = new AtomicLong();
    public final AtomicLong retries = new AtomicLong();
    /** Dead letters replayed by the redrive handler, by the outcome it gave them. */
    private final Map<String, Long> redriven = new TreeMap<>();
    /** When the latest function result arrived (epoch millis), for the throughput actually processed. */
    public final AtomicLong lastResultAtMillis = new AtomicLong();
    private final Map<String, Long> rejectedByReason = new TreeMap<>();
    private final List<Latency> stored = new ArrayList<>();
    private final List<Latency> notified = new ArrayList<>();

    /** One latency sample: when its message was published (epoch millis) and how long it took. */
    private record Latency(long publishedAtMillis, long millis) {

        static Latency endingNow(long millis) {
            return new Latency(System.currentTimeMillis() - millis, millis);
        }
    }
    private final Map<String, EventCounts> eventsByHandler = new TreeMap<>();

    /**
     * What one function other than telemetry did with the events its rule matched: how many were delivered, the
     * {@code outcome} of each response ({@code RECORDED}, {@code STALE}, {@code DUPLICATE}, {@code QUARANTINED} for
     * the presence function), retries, and how many ended dead-lettered (retries exhausted, or the action failed).
     */
    public static final class EventCounts implements RuleAccounting {

        public final AtomicLong delivered = new AtomicLong();
        public final AtomicLong retries = new AtomicLong();
        public final AtomicLong deadLettered = new AtomicLong();
        private final Map<String, Long> outcomes = new TreeMap<>();

        @Override
        public void matched() {
            delivered.incrementAndGet();
        }

        @Override
        public void completed(AsyncInvoker.Outcome outcome, long latencyMillis) {
            retries.addAndGet(outcome.attempts() - 1);
            if (!outcome.succeeded()) {
                deadLettered.incrementAndGet();
                return;
            }
            String answered;
            try {
                answered = JSON.readTree(outcome.last().body()).path("outcome").asText("");
            } catch (IOException e) {
                answered = "";
            }
            synchronized (this) {
                outcomes.merge(answered.isEmpty() ? "no outcome" : answered, 1L, Long::sum);
            }
        }

        @Override
        public void errorAction() {
            deadLettered.incrementAndGet();
        }

        /** Responses by their {@code outcome} field. */
        public synchronized Map<String, Long> outcomes() {
            return new TreeMap<>(outcomes);
        }

        public synchronized long outcome(String name) {
            return outcomes.getOrDefault(name, 0L);
        }
    }

    /** The telemetry rule's accounting: published, processed results, retries and dead letters above. */
    public RuleAccounting telemetry() {
        return new RuleAccounting() {
            @Override
            public void matched() {
                published.incrementAndGet();
            }

            @Override
            public void completed(AsyncInvoker.Outcome outcome, long latencyMillis) {
                retries.addAndGet(outcome.attempts() - 1);
                if (outcome.succeeded()) {
                    recordResult(outcome.last().body(), latencyMillis);
                } else {
                    deadLetters.incrementAndGet();
                }
            }

            @Override
            public void errorAction() {
                deadLetters.incrementAndGet();
            }
        };
    }

    /** The counts of the rule(s) invoking the function with this handler ({@code presence}, ...). */
    public synchronized EventCounts events(String handler) {
        return eventsByHandler.computeIfAbsent(handler, h -> new EventCounts());
    }

    /** The presence function's counts: lifecycle events delivered and what it answered. */
    public EventCounts presence() {
        return events(Handler.PRESENCE.handlerName());
    }

    /** Every non-telemetry handler that has counts, by handler. */
    public synchronized Map<String, EventCounts> events() {
        return new TreeMap<>(eventsByHandler);
    }

    /** Counts one function response (the telemetry function's result document). */
    public void recordResult(String responseJson, long latencyMillis) {
        messages.incrementAndGet();
        lastResultAtMillis.accumulateAndGet(System.currentTimeMillis(), Math::max);
        JsonNode result;
        try {
            result = JSON.readTree(responseJson);
        } catch (IOException e) {
            return;
        }
        readingsStored.addAndGet(result.path("readingsStored").asLong());
        readingsRejected.addAndGet(result.path("readingsRejected").asLong());
        readingsLate.addAndGet(result.path("readingsLate").asLong());
        notifications.addAndGet(result.path("notifications").asLong());
        switch (result.path("outcome").asText()) {
            case "DUPLICATE" -> duplicates.incrementAndGet();
            case "REJECTED" -> messagesRejected.incrementAndGet();
            default -> {
            }
        }
        synchronized (this) {
            result.path("reasons").forEach(r -> rejectedByReason.merge(r.asText(), 1L, Long::sum));
            stored.add(Latency.endingNow(latencyMillis));
        }
    }

    public synchronized void recordRedriven(String outcome, long count) {
        redriven.merge(outcome, count, Long::sum);
    }

    public synchronized Map<String, Long> redriven() {
        return new TreeMap<>(redriven);
    }

    public synchronized void recordNotificationLatency(long millis) {
        notified.add(Latency.endingNow(millis));
    }

    public synchronized Map<String, Long> rejectedByReason() {
        return new TreeMap<>(rejectedByReason);
    }

    public synchronized List<Long> storedLatencies() {
        return from(stored, Long.MIN_VALUE);
    }

    public synchronized List<Long> notificationLatencies() {
        return from(notified, Long.MIN_VALUE);
    }

    /** Publish-to-stored latencies of the messages published at or after {@code epochMillis}. */
    public synchronized List<Long> storedLatenciesPublishedFrom(long epochMillis) {
        return from(stored, epochMillis);
    }

    /** Publish-to-notification latencies of the alerts whose message was published at or after {@code epochMillis}. */
    public synchronized List<Long> notificationLatenciesPublishedFrom(long epochMillis) {
        return from(notified, epochMillis);
    }

    private static List<Long> from(List<Latency> samples, long epochMillis) {
        return samples.stream().filter(l -> l.publishedAtMillis() >= epochMillis).map(Latency::millis).toList();
    }

    /** The p-th percentile (0-100) of {@code values}, nearest rank; -1 when empty. */
    public static long percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
