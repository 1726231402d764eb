package org.wardwatch.functions.core;

import java.time.Instant;
import org.wardwatch.model.device.DeviceKind;

/**
 * One source device's latest valid value of a bed parameter.
 *
 * @param deviceTime the device time of that value
 */
public record SourceValue(String thingName, DeviceKind kind, double value, Instant deviceTime) {
}
