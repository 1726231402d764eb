package org.wardwatch.infra;

import org.wardwatch.model.tenant.Handler;
import software.constructs.Construct;

/**
 * The {@code silence} function and its schedule ({@link EveryMinute}): it flags ACTIVE devices that have not
 * reported for three of their kind's intervals and resolves them when they report again (functions/README.md,
 * "Device alerts"). The stack grants it {@link ReadingsStore#grantSilenceCheckAccess} and publishing alerts.
 */
public final class SilentDevices extends EveryMinute {

    public static final String HANDLER = Handler.SILENCE.handlerName();
    /** The schedule rule's name, after the tenant's prefix: {@code wardwatch-<tenant>-silence-schedule}. */
    public static final String SCHEDULE = scheduleName(Handler.SILENCE);

    public SilentDevices(Construct scope, String id, SingleFunctionProps props) {
        super(scope, id, props, Handler.SILENCE, "flags devices that stopped reporting", "the silent-devices check");
    }
}
