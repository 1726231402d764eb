package org.wardwatch.devicecerts;

import java.util.List;
import org.wardwatch.model.device.ThingName;

/**
 * What a register, revoke, rotate or finish step did for one device.
 *
 * @param certificateId the certificate the step was about
 * @param changes       what changed, in words; empty when everything already was as wanted
 */
public record Registration(ThingName thing, String certificateId, List<String> changes) {

    public Registration {
        changes = List.copyOf(changes);
    }

    public boolean changed() {
        return !changes.isEmpty();
    }
}
