package org.wardwatch.functions.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wardwatch.functions.core.AlertNotification;
import org.wardwatch.functions.core.AlertTransition;
import org.wardwatch.functions.core.BedAlert;
import org.wardwatch.functions.core.News2Alert;
import org.wardwatch.functions.core.News2Notification;
import org.wardwatch.functions.core.News2Picture;
import org.wardwatch.functions.core.SourceValue;
import org.wardwatch.model.device.Isolation;
import org.wardwatch.model.news2.News2;
import org.wardwatch.model.reading.Metric;
import org.wardwatch.model.tenant.News2Settings;

/**
 * {@link BedAlerts} on the bed's state in the telemetry store: each parameter's open alert ({@code P#<metric>}) and
 * the bed's NEWS2 alert are resolved by a write conditioned on the version they were read at (re-read after a lost
 * race), then published, naming the source that last fed them. The write comes first: a publish that fails leaves
 * the alert resolved and the failure is the caller's error.
 */
public final class StoredBedAlerts implements BedAlerts {

    private static final int MAX_CONFLICT_RETRIES = 8;
    /** The metrics a bed keeps alert state of (functions/README.md, "Alerts at the bed"). */
    private static final Set<Metric> AT_THE_BED = EnumSet.copyOf(Arrays.stream(Metric.values())
            .filter(m -> m.watch() == Metric.Watch.THRESHOLD_BANDS).toList());

    private final TelemetryStore store;
    private final AlertPublisher publisher;
    private final String tenantId;
    private final AlertRenderer renderer;
    private final News2Settings news2Settings;

    /** @param zone the hospital's time zone, for the times in staff texts */
    public StoredBedAlerts(TelemetryStore store, AlertPublisher publisher, String tenantId, ZoneId zone,
                           News2Settings news2Settings) {
        this.store = store;
        this.publisher = publisher;
        this.tenantId = tenantId;
        this.renderer = new AlertRenderer(zone);
        this.news2Settings = news2Settings;
    }

    @Override
    public List<String> resolveAll(String ward, String bed, String patientRef, String reason, Instant at) {
        if (!AlertTransition.DISCHARGED.equals(reason)) {
            throw new IllegalArgumentException("a bed's alerts are resolved all at once only when its patient leaves");
        }
        List<String> resolved = new ArrayList<>();
        for (BedParameter parameter : store.bed(ward, bed, AT_THE_BED).parameters().values()) {
            resolve(parameter, reason, at, patientRef).ifPresent(resolved::add);
        }
        resolveNews2(ward, bed, patientRef, at).ifPresent(resolved::add);
        return resolved;
    }

    /** The bed's open NEWS2 alert, resolved as DISCHARGED; staff are told the score it had as the patient left. */
    private Optional<String> resolveNews2(String ward, String bed, String patientRef, Instant at) {
        for (int attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
            BedSnapshot read = store.news2Bed(ward, bed);
            News2Alert.Step step = News2Alert.discharge(read.news2().state(), at);
            if (step.transition().isEmpty()) {
                return Optional.empty();
            }
            if (!store.advanceNews2(ward, bed, read.news2().version(), step.state(), Optional.empty(), null, null)) {
                continue;
            }
            // The admission has ended: the observations are still the leaving patient's (SpO2 on scale 1).
            News2Picture picture = News2Picture.at(at, read.states(), store.lastObservations(ward, bed), 1,
                    news2Settings);
            AlertTransition t = step.transition().get();
            publisher.publish(renderer.render(new News2Notification(tenantId, t, ward, bed, patientRef,
                    News2.score(picture.inputs()), picture.values(), null, null),
                    "B#" + ward + "#" + bed + "#" + t.alertId() + "#" + AlertTransition.DISCHARGED));
            return Optional.of(t.alertId());
        }
        throw new IllegalStateException("the NEWS2 state of a bed kept changing under " + MAX_CONFLICT_RETRIES
                + " attempts");
    }

    private Optional<String> resolve(BedParameter parameter, String reason, Instant at, String patientRef) {
        for (int attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
            BedAlert.Step step = BedAlert.discharge(parameter.state(), at);
            if (step.transition().isEmpty()) {
                return Optional.empty();
            }
            BedParameter next = new BedParameter(parameter.ward(), parameter.bed(), parameter.metric(), step.state(),
                    parameter.version());
            if (!store.advanceBed(null, null, new StateAdvance.OfBed(null, parameter, next, Optional.empty(),
                    Optional.empty()))) {
                parameter = store.bedParameter(parameter.ward(), parameter.bed(), parameter.metric());
                continue;
            }
            AlertTransition t = step.transition().get();
            // An open alert always has a source: a source leaves only by detaching, which resolves what it alone fed.
            SourceValue source = parameter.state().sources().get(0);
            AlertNotification notification = new AlertNotification(tenantId, AlertNotification.THRESHOLD, t,
                    source.thingName(), source.kind(), parameter.ward(), parameter.bed(), parameter.metric(),
                    source.value(), null, null, null, Isolation.NONE, patientRef);
            publisher.publish(renderer.render(notification, "B#" + parameter.ward() + "#" + parameter.bed() + "#"
                    + t.alertId() + "#" + reason));
            return Optional.of(t.alertId());
        }
        throw new IllegalStateException("alert state of " + parameter.metric().code() + " at a bed kept changing under "
                + MAX_CONFLICT_RETRIES + " attempts");
    }
}
