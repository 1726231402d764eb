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
 * @param bed the device's bed, when it is placed at one and a bed was asked for; else null
 * @param placedAt the bed the device's readings last fed, null if none: a different bed
 *                 than its registry entry's means it was moved (functions/README.md, "Alerts at the bed")
 */
public record DeviceSnapshot(boolean processed, Map<Metric, LatestState> metrics,
                             Map<DeviceCondition, LatestState> conditions, BedSnapshot bed, Place placedAt) {

    public DeviceSnapshot {
        metrics = Map.copyOf(metrics);
        conditions = Map.copyOf(conditions);
    }

    public DeviceSnapshot(boolean processed, Map<Metric, LatestState> metrics,
                          Map<DeviceCondition, LatestState> conditions) {
        this(processed, metrics, conditions, null, null);
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
