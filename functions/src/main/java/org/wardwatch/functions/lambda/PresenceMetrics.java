package org.wardwatch.functions.lambda;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import org.wardwatch.functions.service.PresenceResult;

/**
 * Counts each lifecycle event's outcome as CloudWatch metrics in embedded metric format, as {@link TelemetryMetrics}
 * does for messages: one JSON line on stdout. Namespace {@code wardwatch}: {@code PresenceEvents},
 * {@code PresenceRecorded}, {@code PresenceStale}, {@code PresenceConnectFailures} (refused connects),
 * {@code PresenceDuplicates}, {@code PresenceQuarantined} by
 * tenant, and a quarantined event under {@code Rejections} by tenant and reason, the metric rejected messages are
 * counted under. Counts and reason codes only, never the event.
 */
@ApplicationScoped
public class PresenceMetrics {

    private final PrintStream out;

    public PresenceMetrics() {
        this(System.out);
    }

    PresenceMetrics(PrintStream out) {
        this.out = out;
    }

    public void record(String tenantId, PresenceResult result) {
        String tenant = tenantId == null ? "unknown" : tenantId;
        Map<String, Integer> totals = new TreeMap<>();
        totals.put("PresenceEvents", 1);
        totals.put("PresenceRecorded", result.outcome() == PresenceResult.Outcome.RECORDED ? 1 : 0);
        totals.put("PresenceStale", result.outcome() == PresenceResult.Outcome.STALE ? 1 : 0);
        totals.put("PresenceConnectFailures", result.outcome() == PresenceResult.Outcome.CONNECT_FAILED ? 1 : 0);
        totals.put("PresenceDuplicates", result.outcome() == PresenceResult.Outcome.DUPLICATE ? 1 : 0);
        totals.put("PresenceQuarantined", result.outcome() == PresenceResult.Outcome.QUARANTINED ? 1 : 0);
        emit(Map.of("tenant", tenant), totals);
        if (result.reason() != null) {
            emit(new TreeMap<>(Map.of("tenant", tenant, "reason", result.reason())), Map.of("Rejections", 1));
        }
    }

    private void emit(Map<String, String> dimensions, Map<String, Integer> values) {
        EmbeddedMetrics.emit(out, dimensions, values);
    }
}
