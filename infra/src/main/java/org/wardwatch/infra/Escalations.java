package org.wardwatch.infra;

import org.wardwatch.model.tenant.Handler;
import software.constructs.Construct;

/**
 * The {@code escalation} function and its schedule ({@link EveryMinute}): it sends the reminders and escalations of
 * unacknowledged alerts that are due, and any notification still pending in an alert's record (functions/README.md,
 * "Acknowledgement and escalation"). A missed minute delays a step by a minute, never loses it, and a step is never
 * sent twice (see the README). The stack grants it {@link ReadingsStore#grantEscalationAccess} and publishing alerts.
 */
public final class Escalations extends EveryMinute {

    public static final String HANDLER = Handler.ESCALATION.handlerName();
    /** The schedule rule's name, after the tenant's prefix: {@code wardwatch-<tenant>-escalation-schedule}. */
    public static final String SCHEDULE = scheduleName(Handler.ESCALATION);

    public Escalations(Construct scope, String id, SingleFunctionProps props) {
        super(scope, id, props, Handler.ESCALATION, "sends the reminders and escalations of unacknowledged alerts",
                "the escalation check");
    }
}
