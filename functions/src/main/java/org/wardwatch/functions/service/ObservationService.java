package org.wardwatch.functions.service;

import static org.wardwatch.functions.service.AdmissionRefusedException.Code.INVALID_OBSERVATION;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.wardwatch.functions.core.Admission;
import org.wardwatch.functions.core.AlertTransition;
import org.wardwatch.model.news2.News2Score;
import org.wardwatch.functions.core.NurseObservations;
import org.wardwatch.model.news2.Consciousness;

/**
 * Nurse observations that NEWS2 scores, consciousness (ACVPU) and air or oxygen (functions/README.md, "NEWS2"):
 * recorded for the bed's current admission, then, on a ward that scores NEWS2, the bed is scored again and a
 * transition of its NEWS2 alert published. Called by the admission function's {@code observe} action (and the staff
 * API later). Nothing here logs: observations are patient data.
 */
public final class ObservationService {

    /**
     * What an observation did: the bed's observations now and, on a ward that scores NEWS2, the bed's score and
     * the transition of its NEWS2 alert, if any.
     */
    public record Outcome(NurseObservations observations, Optional<News2Score> score,
                          Optional<AlertTransition> transition) {
    }

    private final News2Store store;
    private final News2Planner planner;
    private final AlertPublisher publisher;

    public ObservationService(News2Store store, News2Planner planner, AlertPublisher publisher) {
        this.store = store;
        this.planner = planner;
        this.publisher = publisher;
    }

    /**
     * @param consciousness the ACVPU letter observed, or null
     * @param oxygen        true on supplemental oxygen, false on air, null when not observed
     */
    public Outcome observe(String ward, String bed, Consciousness consciousness, Boolean oxygen, String by,
                           Instant time) {
        AdmissionService.checkBed(ward, bed);
        AdmissionService.requireStaff(by, "an observation");
        if (consciousness == null && oxygen == null) {
            throw new AdmissionRefusedException(INVALID_OBSERVATION,
                    "an observation needs consciousness (A, C, V, P or U) or oxygen (true or false)");
        }
        BedSnapshot read = store.news2Bed(ward, bed);
        Instant admittedAt = read.admission().map(Admission::admittedAt).orElse(null);
        NurseObservations now = store.recordObservation(ward, bed, admittedAt, consciousness, oxygen, by, time);
        if (!planner.scores(ward)) {
            return new Outcome(now, Optional.empty(), Optional.empty());
        }
        BedSnapshot withObservation = new BedSnapshot(ward, bed, read.admission(), read.parameters(),
                new News2Stored(read.news2().state(), read.news2().version(), now));
        // No outbox: an observation belongs to no device partition; the state is written before the alert is
        // published, so a failed publish is the caller's error (as for a discharge's resolutions).
        News2Planner.Scored evaluation = planner.evaluate(store, withObservation, Map.of(),
                new News2Planner.Trigger(by, null, time, null, null, "O#" + time + "#" + by));
        evaluation.alert().ifPresent(publisher::publish);
        return new Outcome(now, Optional.of(evaluation.score()), evaluation.transition());
    }
}
