package org.wardwatch.functions.lambda;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import org.wardwatch.functions.service.TelemetryResult;

/**
 * Counts each invocation's outcome as CloudWatch metrics in embedded metric format: one JSON line on stdout,
 * which Lambda ships to CloudWatch Logs and CloudWatch turns into metrics. Namespace {@code wardwatch}:
 * {@code Messages}, {@code ReadingsStored}, {@code ReadingsRejected}, {@code MessagesRejected},
 * {@code Duplicates}, {@code Notifications} by tenant, and {@code Rejections} by tenant and reason. Counts and
 * reason codes only, never payload values.
 */
@ApplicationScoped
public class TelemetryMetrics {

    private final PrintStream out;

    public TelemetryMetrics() {
        this(System.out);
    }

    TelemetryMetrics(PrintStream out) {
        this.out = out;
    }

    public void record(String tenantId, TelemetryResult result) {
        String tenant = tenantId == null ? "unknown" : tenantId;
        Map<String, Integer> totals = new TreeMap<>();
        totals.put("Messages", 1);
        totals.put("ReadingsStored", result.readingsStored());
        totals.put("ReadingsLate", result.readingsLate());
        totals.put("ReadingsRejected", result.readingsRejected());
        totals.put("MessagesRejected", result.outcome() == TelemetryResult.Outcome.REJECTED ? 1 : 0);
        totals.put("Duplicates", result.outcome() == TelemetryResult.Outcome.DUPLICATE ? 1 : 0);
        totals.put("Notifications", result.notifications());
        emit(Map.of("tenant", tenant), totals);

        Map<String, Integer> byReason = new TreeMap<>();
        result.reasons().forEach(reason -> byReason.merge(reason, 1, Integer::sum));
        byReason.forEach((reason, count) ->
                emit(new TreeMap<>(Map.of("tenant", tenant, "reason", reason)), Map.of("Rejections", count)));
    }

    private void emit(Map<String, String> dimensions, Map<String, Integer> values) {
        EmbeddedMetrics.emit(out, dimensions, values);
    }
}
