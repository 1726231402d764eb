package org.wardwatch.functions.service;

import java.util.Map;
import org.wardwatch.functions.core.DeviceCondition;
import org.wardwatch.model.reading.Metric;

/**
 * What a message is evaluated against, read from the device's partition in one consistent request: whether the
 * message was already processed, and the stored state of each metric and device condition it touches.
 *
 * @param metrics the state of each metric asked for that has one; a metric never reported has none
 * @param conditions likewise for device conditions
 */
public record DeviceSnapshot(boolean processed, Map<Metric, LatestState> metrics,
                             Map<DeviceCondition, LatestState> conditions) {

    public DeviceSnapshot {
        metrics = Map.copyOf(metrics);
        conditions = Map.copyOf(conditions);
    }

    /** The metric's stored state, {@link LatestState#NONE} before its first reading. */
    public LatestState latest(Metric metric) {
        return metrics.getOrDefault(metric, LatestState.NONE);
    }

    /** The condition's stored state, {@link LatestState#NONE} before it was first evaluated. */
    public LatestState condition(DeviceCondition condition) {
        return conditions.getOrDefault(condition, LatestState.NONE);
    }
}
