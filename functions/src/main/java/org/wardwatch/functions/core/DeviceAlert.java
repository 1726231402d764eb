package org.wardwatch.functions.core;

import java.time.Instant;

/**
 * A device's own alert transition: its battery low, or it has gone silent.
 *
 * @param value the battery level (0..1), the seconds since the device's last reading (silence), or the seconds
 *              since its no-signal period started (no signal)
 * @param at when it was observed: the message's device time (battery) or the check's time (silence)
 */
public record DeviceAlert(String tenantId, DeviceCondition condition, AlertTransition transition, Device device,
                          double value, Instant at) {

    public static final String TYPE = "DEVICE";
}
