package org.wardwatch.functions.service;

import java.time.Instant;
import java.util.Optional;
import org.wardwatch.functions.core.News2State;
import org.wardwatch.functions.core.NurseObservations;
import org.wardwatch.model.news2.Consciousness;

/** Where a bed's NEWS2 alert and nurse observations are kept (functions/README.md, "NEWS2"). */
public interface News2Store {

    /**
     * The bed's admission, the state of every parameter NEWS2 scores, its NEWS2 alert and the nurse observations
     * of the current admission, read consistently in one request.
     */
    BedSnapshot news2Bed(String ward, String bed);

    /**
     * The bed's latest nurse observations whichever admission they were entered for (a discharge tells staff the
     * score as the patient left, after the admission has ended).
     */
    NurseObservations lastObservations(String ward, String bed);

    /**
     * Writes the bed's NEWS2 state, and its alert into {@code thingName}'s outbox (no outbox when
     * {@code thingName} is null), atomically and only if the stored state is still at {@code expected}'s version.
     *
     * @return false when another invocation changed it first: read the bed again and re-evaluate
     */
    boolean advanceNews2(String ward, String bed, long expectedVersion, News2State next, Optional<OutgoingAlert> alert,
                         String thingName, Instant receivedAt);

    /**
     * Records a nurse observation: the bed's current observations take the values given (a null keeps the
     * other's), kept with the admission's {@code admittedAt} (null with no patient) so that they never carry over to
     * the next patient, and an entry in the bed's observation history. Idempotent: the same observation again
     * changes nothing.
     *
     * @return the bed's observations after the change
     */
    NurseObservations recordObservation(String ward, String bed, Instant admittedAt, Consciousness consciousness,
                                        Boolean oxygen, String by, Instant time);
}
