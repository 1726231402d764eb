package org.wardwatch.functions.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wardwatch.functions.core.Admission;
import org.wardwatch.functions.core.AlertIds;
import org.wardwatch.functions.core.AlertNotification;
import org.wardwatch.functions.core.BedAlert;
import org.wardwatch.functions.core.DecodedMessage;
import org.wardwatch.functions.core.Device;
import org.wardwatch.functions.core.Envelope;
import org.wardwatch.functions.core.Reading;
import org.wardwatch.functions.core.SourceValue;
import org.wardwatch.functions.core.Validation;
import org.wardwatch.model.alert.AlarmDelays;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.alert.ThresholdTable;
import org.wardwatch.model.device.Isolation;
import org.wardwatch.model.device.Placement;
import org.wardwatch.model.news2.News2Parameter;
import org.wardwatch.model.reading.Metric;

/**
 * The telemetry function's part at the bed (functions/README.md, "Alerts at the bed"): a bed device's vital signs
 * evaluated in the patient's bands with {@link BedAlert}, a lost race re-evaluated, and a device that left a bed
 * detached from it.
 */
final class BedPlanner {

    private static final int MAX_CONFLICT_RETRIES = 8;

    private final String tenantId;
    private final ThresholdTable thresholds;
    private final AlarmDelays alarmDelays;
    private final TelemetryStore store;
    private final AlertRenderer renderer;

    private final News2Planner news2;

    BedPlanner(String tenantId, ThresholdTable thresholds, AlarmDelays alarmDelays, TelemetryStore store,
               AlertRenderer renderer, News2Planner news2) {
        this.news2 = news2;
        this.tenantId = tenantId;
        this.thresholds = thresholds;
        this.alarmDelays = alarmDelays;
        this.store = store;
        this.renderer = renderer;
    }

    /** Bed devices' vital signs are the bed's (functions/README.md, "Alerts at the bed"); all else the device's. */
    static boolean watchedAtBed(Device device, Metric metric) {
        return device.kind().placement() == Placement.BED && metric.watch() == Metric.Watch.THRESHOLD_BANDS;
    }

    /** A parameter NEWS2 scores, at a bed of a ward that scores it. */
    boolean scoredByNews2(String ward, Metric metric) {
        return News2Parameter.METRICS.contains(metric) && news2.scores(ward);
    }

    static Place placeOf(Device device) {
        return device.kind().placement() == Placement.BED && device.ward() != null && device.bed() != null
                ? new Place(device.ward(), device.bed()) : null;
    }

    /** The bands a bed's patient is watched with: the tenant's, SpO2 scale 2 if prescribed, the patient's own. */
    private ThresholdTable bandsOf(Optional<Admission> admission) {
        if (admission.isEmpty() || (admission.get().spo2Scale() == 1 && admission.get().overrides().isEmpty())) {
            return thresholds;
        }
        // A patient's own table is built once and kept while the same admission's readings come in (a message's
        // readings, and a bed's next messages): building it costs more than evaluating a reading (docs/performance.md).
        PatientBands last = lastPatient;
        if (last != null && last.admission().equals(admission.get())) {
            return last.bands();
        }
        ThresholdTable table = admission.get().spo2Scale() == 2 ? thresholds.withSpo2Scale2() : thresholds;
        table = admission.get().overrides().isEmpty() ? table : table.withOverrides(admission.get().overrides());
        lastPatient = new PatientBands(admission.get(), table);
        return table;
    }

    private record PatientBands(Admission admission, ThresholdTable bands) {
    }

    private volatile PatientBands lastPatient;

    Plan plan(Device device, Validation.Accepted accepted, Reading reading, BedSnapshot bed,
                         BedParameter parameter) {
        Instant time = accepted.message().deviceTime();
        Metric metric = reading.metric();
        Optional<Admission> admission = bed.admission();
        // On a ward that scores NEWS2 the parameters it scores page only through the bed's NEWS2 alert: their state
        // still follows the sources (which value counts), in no band.
        Severity observed = scoredByNews2(bed.ward(), metric) ? Severity.NONE
                : bandsOf(admission).classify(metric, reading.value());
        BedAlert.Step step = BedAlert.evaluate(parameter.state(),
                new SourceValue(device.thingName(), device.kind(), reading.value(), time), observed,
                alarmDelays.of(metric), () -> AlertIds.ofBed(tenantId, bed.ward(), bed.bed(), metric.code(), time));
        if (step.late()) {
            return new Plan(null, true);
        }
        Optional<OutgoingAlert> alert = step.transition().map(t -> renderer.render(
                new AlertNotification(tenantId, AlertNotification.THRESHOLD, t, device.thingName(), device.kind(),
                        bed.ward(), bed.bed(), metric, reading.value(), accepted.message().messageId(), null, null,
                        Isolation.NONE, admission.map(Admission::patientRef).orElse(null)),
                TelemetryService.outboxKey(accepted.message().messageId(), reading)));
        return new Plan(new StateAdvance.OfBed(reading, parameter,
                new BedParameter(bed.ward(), bed.bed(), metric, step.state(), parameter.version()), alert,
                admission), false);
    }

    /**
     * The device left {@code old} (moved to another bed, or unassigned): each of its parameters there forgets it,
     * and an alert that no other source still feeds is RESOLVED as DEVICE_REASSIGNED, named after the old bed.
     * Returns the alerts written to the outbox.
     */
    List<OutgoingAlert> detach(Device device, Envelope envelope, DecodedMessage message, Place old) {
        Set<Metric> fed = EnumSet.noneOf(Metric.class);
        device.kind().metrics().stream().filter(m -> m.watch() == Metric.Watch.THRESHOLD_BANDS).forEach(fed::add);
        BedSnapshot bed = store.bed(old.ward(), old.bed(), fed);
        List<OutgoingAlert> alerts = new ArrayList<>();
        for (Metric metric : fed) {
            BedParameter parameter = bed.parameter(metric);
            for (int attempt = 0; parameter.version() > 0; attempt++) {
                if (attempt == MAX_CONFLICT_RETRIES) {
                    throw new IllegalStateException("alert state of " + metric.code() + " at the bed a device left "
                            + "kept changing under " + MAX_CONFLICT_RETRIES + " attempts");
                }
                double lastValue = parameter.state().sources().stream()
                        .filter(s -> s.thingName().equals(device.thingName())).mapToDouble(SourceValue::value)
                        .findFirst().orElse(Double.NaN);
                if (Double.isNaN(lastValue)) {
                    break;
                }
                BedAlert.Step step = BedAlert.detach(parameter.state(), device.thingName(), message.deviceTime());
                Optional<OutgoingAlert> alert = step.transition().map(t -> renderer.render(
                        new AlertNotification(tenantId, AlertNotification.THRESHOLD, t, device.thingName(),
                                device.kind(), old.ward(), old.bed(), metric, lastValue, message.messageId(), null,
                                null, Isolation.NONE, bed.admission().map(Admission::patientRef).orElse(null)),
                        "M#" + message.messageId() + "#N#left#" + metric.code()));
                StateAdvance.OfBed advance = new StateAdvance.OfBed(null, parameter,
                        new BedParameter(old.ward(), old.bed(), metric, step.state(), parameter.version()), alert,
                        bed.admission());
                if (store.advanceBed(device.thingName(), envelope.receivedAt(), advance)) {
                    alert.ifPresent(alerts::add);
                    break;
                }
                parameter = store.bedParameter(old.ward(), old.bed(), metric);
            }
        }
        return alerts;
    }


    Plan writeAfterConflict(Device device, Envelope envelope, Validation.Accepted accepted,
                                       StateAdvance.OfBed lost) {
        BedParameter was = lost.expected();
        for (int attempt = 1; attempt < MAX_CONFLICT_RETRIES; attempt++) {
            BedParameter now = store.bedParameter(was.ward(), was.bed(), was.metric());
            BedSnapshot bed = new BedSnapshot(was.ward(), was.bed(), lost.admission(), Map.of());
            Plan plan = plan(device, accepted, lost.reading(), bed, now);
            if (plan.advance() == null
                    || store.advanceBed(device.thingName(), envelope.receivedAt(), (StateAdvance.OfBed) plan.advance())) {
                return plan;
            }
        }
        throw new IllegalStateException("alert state of " + was.metric().code() + " at a bed kept changing under "
                + MAX_CONFLICT_RETRIES + " attempts");
    }
}
