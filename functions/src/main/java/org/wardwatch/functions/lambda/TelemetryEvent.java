package org.wardwatch.functions.lambda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The event the tenant's topic rule sends: the device's bytes base64-encoded, and the fields the rule adds
 * (functions/README.md, "The event").
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public class TelemetryEvent {

    public String payload;
    public String tenantId;
    public String thingName;
    public String clientId;
    public Long receivedAt;
}
