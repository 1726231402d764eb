package org.wardwatch.model.tenant;

import java.util.Arrays;
import java.util.Optional;

/**
 * The handlers of the one function artifact ({@code functions/target/function.zip}): each deployed function picks
 * one with {@code QUARKUS_LAMBDA_HANDLER}. The name is the handler's {@code @Named}; the flags say what its role
 * may do (infra grants exactly that), which the function's client priming relies on.
 */
public enum Handler {
    TELEMETRY("telemetry", true, true),
    PRESENCE("presence", true, false),
    SILENCE("silence", false, true),
    REDRIVE("redrive", true, true),
    TEMPERATURE_LOG("temperature-log", true, false),
    ACKNOWLEDGE_EXCURSION("acknowledge-excursion", false, false);

    /** Compile-time constants of the names, for annotations ({@code @Named(Handler.Names.TELEMETRY)}). */
    public static final class Names {
        public static final String TELEMETRY = "telemetry";
        public static final String PRESENCE = "presence";
        public static final String SILENCE = "silence";
        public static final String REDRIVE = "redrive";
        public static final String TEMPERATURE_LOG = "temperature-log";
        public static final String ACKNOWLEDGE_EXCURSION = "acknowledge-excursion";

        private Names() {
        }
    }

    private final String handlerName;
    private final boolean readsDevices;
    private final boolean publishesAlerts;

    Handler(String handlerName, boolean readsDevices, boolean publishesAlerts) {
        this.handlerName = handlerName;
        this.readsDevices = readsDevices;
        this.publishesAlerts = publishesAlerts;
    }

    /** The {@code QUARKUS_LAMBDA_HANDLER} value, e.g. {@code temperature-log}. */
    public String handlerName() {
        return handlerName;
    }

    /** Whether its role may read the devices table. */
    public boolean readsDevices() {
        return readsDevices;
    }

    /** Whether it publishes staff alerts to the alert topic. */
    public boolean publishesAlerts() {
        return publishesAlerts;
    }

    public static Optional<Handler> fromName(String name) {
        return Arrays.stream(values()).filter(h -> h.handlerName.equals(name)).findFirst();
    }
}
