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

/**
 * What went through the local pipeline: messages the rule matched, what the function answered (stored, rejected
 * by reason, duplicates, notifications), dead letters, and publish-to-stored latencies.
 */
public final class PipelineStats {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final AtomicLong published = new AtomicLong();
    public final AtomicLong messages = new AtomicLong();
    public final AtomicLong readingsStored = new AtomicLong();
    public final AtomicLong readingsRejected = new AtomicLong();
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
    private final List<Long> storedLatencyMillis = new ArrayList<>();
    private final List<Long> notificationLatencyMillis = new ArrayList<>();

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
        notifications.addAndGet(result.path("notifications").asLong());
        switch (result.path("outcome").asText()) {
            case "DUPLICATE" -> duplicates.incrementAndGet();
            case "REJECTED" -> messagesRejected.incrementAndGet();
            default -> {
            }
        }
        synchronized (this) {
            result.path("reasons").forEach(r -> rejectedByReason.merge(r.asText(), 1L, Long::sum));
            storedLatencyMillis.add(latencyMillis);
        }
    }

    public synchronized void recordRedriven(String outcome, long count) {
        redriven.merge(outcome, count, Long::sum);
    }

    public synchronized Map<String, Long> redriven() {
        return new TreeMap<>(redriven);
    }

    public synchronized void recordNotificationLatency(long millis) {
        notificationLatencyMillis.add(millis);
    }

    public synchronized Map<String, Long> rejectedByReason() {
        return new TreeMap<>(rejectedByReason);
    }

    public synchronized List<Long> storedLatencies() {
        return List.copyOf(storedLatencyMillis);
    }

    public synchronized List<Long> notificationLatencies() {
        return List.copyOf(notificationLatencyMillis);
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
