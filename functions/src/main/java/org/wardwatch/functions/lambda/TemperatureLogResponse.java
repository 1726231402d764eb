package org.wardwatch.functions.lambda;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The {@code temperature-log} handler's answer: the device, the month ({@code yyyy-MM}) and the log as CSV. */
@RegisterForReflection
public record TemperatureLogResponse(String device, String month, String csv) {
}
