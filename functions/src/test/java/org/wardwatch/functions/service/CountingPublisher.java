package org.wardwatch.functions.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The real publisher, counting what SNS accepted: each alert in the order published. */
final class CountingPublisher implements AlertPublisher {

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<OutgoingAlert> published = new CopyOnWriteArrayList<>();
    private final AlertPublisher real;

    CountingPublisher(AlertPublisher real) {
        this.real = real;
    }

    @Override
    public String publish(OutgoingAlert alert) {
        String id = real.publish(alert);
        published.add(alert);
        return id;
    }

    /** Each notification published, as {@code <transition> <outbox key>}, in the order published. */
    List<String> sent() {
        return published.stream().map(a -> a.attributes().get("transition") + " " + a.key()).toList();
    }

    /** The {@code default} document of an alert published. */
    static JsonNode document(OutgoingAlert alert) {
        try {
            return JSON.readTree(JSON.readTree(alert.message()).path("default").asText());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
