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
 * A scheduled check: its handler's function and the schedule that runs it every minute, rule
 * {@code wardwatch-<tenant>-<handler>-schedule} ({@link SilentDevices}, {@link Escalations}).
 *
 * <p>An EventBridge rule, not EventBridge Scheduler: a rule invokes the alias through a resource-based permission
 * limited to the rule's ARN, while Scheduler needs a role of its own to assume; neither time zones nor one-off
 * schedules are needed for "every minute". The event carries the scheduled {@code time}, the check's instant.
 *
 * <p>One check at a time (reserved concurrency 1), up to the handler's timeout each. Nothing is retried: a failed or
 * missed check is done again by the next one a minute later, and a check that waited a minute for a running one to
 * finish is dropped rather than queued behind it (EventBridge invokes asynchronously, and Lambda otherwise keeps
 * retrying a throttled event for up to 6 hours and a failed one twice).
 */
abstract class EveryMinute extends Construct {

    private final TenantFunction function;
    private final Rule schedule;

    /**
     * @param function what the function does, for its description ({@code "... (every minute)"} is added)
     * @param check    the check's name in the rule's description, e.g. {@code the escalation check}
     */
    EveryMinute(Construct scope, String id, SingleFunctionProps props, Handler handler, String function,
                String check) {
        super(scope, id);
        this.function = new TenantFunction(this, TenantFunction.ID, TenantFunctionProps.builder()
                .names(props.names())
                .handler(handler)
                .description(function + " (every minute)")
                .settings(props.settings())
                .encryptionKey(props.encryptionKey())
                .reservedConcurrency(1)
                .build());
        Alias alias = this.function.alias();
        alias.configureAsyncInvoke(EventInvokeConfigOptions.builder()
                .retryAttempts(0)
                .maxEventAge(Duration.minutes(1))
                .build());

        schedule = Rule.Builder.create(this, "Schedule")
                .ruleName(props.names().resource(scheduleName(handler)))
                .description("wardwatch " + props.names().tenantId() + ": " + check + ", every minute")
                .schedule(Schedule.rate(Duration.minutes(1)))
                .targets(List.of(LambdaFunction.Builder.create(alias)
                        .retryAttempts(0)
                        .build()))
                .build();
    }

    /** The schedule rule's name after the tenant's prefix: {@code <handler>-schedule}. */
    static String scheduleName(Handler handler) {
        return handler.handlerName() + "-schedule";
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
