package org.wardwatch.functions.lambda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The {@code temperature-log} handler's input, e.g.
 * {@code {"device":"pharm-fridge-1","month":"2026-11","timeZone":"Europe/London"}}; {@code timeZone} is optional.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public class TemperatureLogRequest {

    public String device;
    public String month;
    public String timeZone;
}
