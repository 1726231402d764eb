package org.wardwatch.functions.service;

import java.time.Instant;
import java.util.List;

/** The open alerts of a bed, which a discharge (and a transfer, for the bed left) resolves. */
public interface BedAlerts {

    /**
     * Resolves every open alert of the bed, telling staff why.
     *
     * @param patientRef the patient who left, whom the alerts were about
     * @param reason why they are resolved without a clinical recovery, e.g.
     *               {@link org.wardwatch.functions.core.AlertTransition#DISCHARGED}
     * @return the ids of the alerts resolved
     */
    List<String> resolveAll(String ward, String bed, String patientRef, String reason, Instant at);
}
