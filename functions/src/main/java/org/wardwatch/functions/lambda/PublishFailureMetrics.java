package org.wardwatch.functions.lambda;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import org.wardwatch.functions.service.AlertPublisher;
import org.wardwatch.functions.service.OutgoingAlert;

/**
 * Counts the alert topic's publishing failures: wraps the SNS publisher and, when a publish throws, writes one
 * embedded-metric line ({@value #METRIC}, namespace {@code wardwatch}, dimensions {@code tenant} and
 * {@code function}, the handler's name) and rethrows, so the caller's retry or outbox handles it as before. The
 * stack alarms on the metric (infra, Operations). The line carries the count only, nothing of the alert.
 */
final class PublishFailureMetrics implements AlertPublisher {

    /** The metric's name, which infra's alarm names too. */
    static final String METRIC = "AlertPublishFailed";

    private final AlertPublisher publisher;
    private final Map<String, String> dimensions;
    private final PrintStream out;

    /** @param function the handler's name ({@code quarkus.lambda.handler}), e.g. {@code escalation} */
    PublishFailureMetrics(AlertPublisher publisher, String tenantId, String function, PrintStream out) {
        this.publisher = publisher;
        this.dimensions = new TreeMap<>(Map.of("tenant", tenantId, "function", function));
        this.out = out;
    }

    @Override
    public String publish(OutgoingAlert alert) {
        try {
            return publisher.publish(alert);
        } catch (RuntimeException e) {
            EmbeddedMetrics.emit(out, dimensions, Map.of(METRIC, 1));
            throw e;
        }
    }
}
