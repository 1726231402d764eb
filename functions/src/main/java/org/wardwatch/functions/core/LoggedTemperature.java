package org.wardwatch.functions.core;

import java.time.Instant;

/**
 * One {@code storage_temperature} reading as a temperature log needs it.
 *
 * @param deviceTime when the device took it
 * @param celsius    the canonical value, degC
 */
public record LoggedTemperature(Instant deviceTime, double celsius) {
}
