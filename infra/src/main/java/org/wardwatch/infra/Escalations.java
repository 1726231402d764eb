package org.wardwatch.infra;

import org.wardwatch.model.tenant.Handler;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.Construct;

import java.util.List;

/**
 * The {@code escalation} function and the schedule that runs it every minute: it sends the reminders and
 * escalations of unacknowledged alerts that are due, and any notification still pending in an alert's record
 * (functions/README.md, "Acknowledgement and escalation"). The stack grants it
 * {@link ReadingsStore#grantEscalationAccess} and publishing alerts.
 *
 * <p>An EventBridge rule, not EventBridge Scheduler: a rule invokes the alias through a resource-based permission
 * limited to the rule's ARN, while Scheduler needs a role of its own to assume; neither time zones nor one-off
 * schedules are needed for "every minute".
 *
 * <p>One check at a time (reserved concurrency 1), up to 60 seconds each. Nothing is retried: a failed or missed
 * check is done again by the next one a minute later (a step is due from its time on, so a missed minute delays it by
 * a minute, never loses it; a step is never sent twice, see the README), and a check that waited a minute for a
 * running one to finish is dropped rather than queued behind it (EventBridge invokes asynchronously, and Lambda
 * otherwise keeps retrying a throttled event for up to 6 hours and a failed one twice).
 */
public final class Escalations extends Construct {

    public static final String HANDLER = Handler.ESCALATION.handlerName();
    /** The schedule rule's name, after the tenant's prefix: {@code wardwatch-<tenant>-escalation-schedule}. */
    public static final String SCHEDULE = HANDLER + "-schedule";

    private final TenantFunction function;
    private final Rule schedule;

    public Escalations(Construct scope, String id, SingleFunctionProps props) {
        super(scope, id);
        function = new TenantFunction(this, TenantFunction.ID, TenantFunctionProps.builder()
                .names(props.names())
                .handler(Handler.ESCALATION)
                .description("sends the reminders and escalations of unacknowledged alerts (every minute)")
                .settings(props.settings())
                .encryptionKey(props.encryptionKey())
                .reservedConcurrency(1)
                .build());
        Alias alias = function.alias();
        alias.configureAsyncInvoke(EventInvokeConfigOptions.builder()
                .retryAttempts(0)
                .maxEventAge(Duration.minutes(1))
                .build());

        schedule = Rule.Builder.create(this, "Schedule")
                .ruleName(props.names().resource(SCHEDULE))
                .description("wardwatch " + props.names().tenantId() + ": the escalation check, every minute")
                .schedule(Schedule.rate(Duration.minutes(1)))
                .targets(List.of(LambdaFunction.Builder.create(alias)
                        .retryAttempts(0)
                        .build()))
                .build();
    }

    public Function function() {
        return function.function();
    }

    public Alias alias() {
        return function.alias();
    }

    public Rule schedule() {
        return schedule;
    }
}
