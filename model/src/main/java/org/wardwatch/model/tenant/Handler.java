package org.wardwatch.model.tenant;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The handlers of the one function artifact ({@code functions/target/function.zip}): each deployed function picks
 * one with {@code QUARKUS_LAMBDA_HANDLER}. The name is the handler's {@code @Named}; the flags say what its role
 * may do (infra grants exactly that), which the function's client priming relies on; the trigger what invokes it
 * and the timeout its function's (infra builds each function with them; its constructs say why each timeout).
 */
public enum Handler {
    TELEMETRY("telemetry", true, true, Trigger.TELEMETRY_RULE, Duration.ofSeconds(30)),
    PRESENCE("presence", true, false, Trigger.LIFECYCLE_RULE, Duration.ofSeconds(30)),
    SILENCE("silence", false, true, Trigger.SCHEDULE, Duration.ofSeconds(60)),
    /** Lambda's longest timeout, for a full batch of the dead-letter queues. */
    REDRIVE("redrive", true, true, Trigger.OPERATOR, Duration.ofMinutes(15)),
    /** Admits, transfers and discharges patients; a discharge resolves the bed's alerts, so it publishes. */
    ADMISSION("admission", false, true, Trigger.OPERATOR, Duration.ofSeconds(30)),
    /**
     * Acknowledges any alert (issue 15): a few reads and conditional writes of the alert's record, and the
     * ACKNOWLEDGED notification to everyone paged for it, so it publishes.
     */
    ACKNOWLEDGE("acknowledge", false, true, Trigger.OPERATOR, Duration.ofSeconds(30)),
    /** The escalation check, every minute (issue 15): sends the reminders and escalations due, as the silence check. */
    ESCALATION("escalation", false, true, Trigger.SCHEDULE, Duration.ofSeconds(60));

    /** What invokes a handler's function. */
    public enum Trigger {
        /** The tenant's telemetry topic rule (IoT Core), asynchronously, for every device message. */
        TELEMETRY_RULE,
        /** The tenant's presence topic rule on IoT Core's lifecycle events, asynchronously. */
        LIFECYCLE_RULE,
        /** An EventBridge rule, every minute, asynchronously. */
        SCHEDULE,
        /** An operator or the hospital's tooling, synchronously (nothing in the stack invokes it). */
        OPERATOR
    }

    /** Compile-time constants of the names, for annotations ({@code @Named(Handler.Names.TELEMETRY)}). */
    public static final class Names {
        public static final String TELEMETRY = "telemetry";
        public static final String PRESENCE = "presence";
        public static final String SILENCE = "silence";
        public static final String REDRIVE = "redrive";
        public static final String ADMISSION = "admission";
        /** Acknowledges any alert (issue 15). */
        public static final String ACKNOWLEDGE = "acknowledge";
        /** The escalation check, every minute (issue 15). */
        public static final String ESCALATION = "escalation";

        private Names() {
        }
    }

    private final String handlerName;
    private final boolean readsDevices;
    private final boolean publishesAlerts;
    private final Trigger trigger;
    private final Duration timeout;

    Handler(String handlerName, boolean readsDevices, boolean publishesAlerts, Trigger trigger, Duration timeout) {
        this.handlerName = handlerName;
        this.readsDevices = readsDevices;
        this.publishesAlerts = publishesAlerts;
        this.trigger = trigger;
        this.timeout = timeout;
    }

    /** The {@code QUARKUS_LAMBDA_HANDLER} value, e.g. {@code acknowledge}. */
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

    public Trigger trigger() {
        return trigger;
    }

    /** The function's timeout. */
    public Duration timeout() {
        return timeout;
    }

    public static Optional<Handler> fromName(String name) {
        return Arrays.stream(values()).filter(h -> h.handlerName.equals(name)).findFirst();
    }
}
