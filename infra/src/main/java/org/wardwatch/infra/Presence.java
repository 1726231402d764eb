package org.wardwatch.infra;

import org.wardwatch.model.tenant.Handler;
import org.wardwatch.model.tenant.TenantNames;
import software.amazon.awscdk.services.iot.CfnTopicRule;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.Construct;

/**
 * IoT Core's lifecycle events to the {@code presence} function, which records each device's connection
 * (functions/README.md, "Presence"): the presence topic rule, {@code SELECT * FROM '$aws/events/presence/+/+'},
 * invoking the function's {@code live} alias. Failures go where telemetry's go, so that one redrive replays both:
 * the rule's error action to the ingest dead-letter queue (through the telemetry rule's error-action role, which may
 * only send there), and, after Lambda's 2 retries, the alias' asynchronous on-failure destination, the failures
 * queue. The stack grants the function {@link ReadingsStore#grantPresenceAccess}.
 *
 * <p>IoT Core publishes every client's lifecycle events of the account and region on these topics: a client id that is
 * not one of this tenant's registered devices is quarantined by the function ({@code UNKNOWN_DEVICE}).
 */
public final class Presence extends Construct {

    public static final String HANDLER = Handler.PRESENCE.handlerName();
    /** The rule's SQL: the event as IoT Core publishes it, which is what the function reads. */
    public static final String SQL = "SELECT * FROM '$aws/events/presence/+/+'";

    private final TenantFunction function;
    private final CfnTopicRule rule;

    public Presence(Construct scope, String id, PresenceProps props) {
        super(scope, id);
        TenantNames names = props.names();
        function = new TenantFunction(this, TenantFunction.ID, TenantFunctionProps.builder()
                .names(names)
                .handler(Handler.PRESENCE)
                .description("records devices' IoT connections and disconnections")
                .settings(props.settings())
                .encryptionKey(props.encryptionKey())
                .build());
        // As the telemetry function's: 2 retries, then the failures queue; the rule's errors to the dead-letter queue.
        RuleTarget.retryTwiceThenFailTo(this, function, props.failureQueue(), props.encryptionKey());
        rule = RuleTarget.topicRule(this, names.presenceRule(),
                "wardwatch " + names.tenantId() + ": IoT lifecycle events to the presence function", SQL, function,
                props.deadLetterQueue(), props.errorActionRole());
    }

    public Function function() {
        return function.function();
    }

    public Alias alias() {
        return function.alias();
    }

    public CfnTopicRule rule() {
        return rule;
    }
}
