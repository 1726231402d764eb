package org.wardwatch.functions.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.wardwatch.model.news2.News2;
import org.wardwatch.model.news2.News2Parameter;
import org.wardwatch.model.tenant.News2Settings;
import org.wardwatch.model.tenant.VitalsPolicy;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.wardwatch.functions.core.Admission;
import org.wardwatch.functions.core.AlertIds;
import org.wardwatch.functions.core.NoSignal;
import org.wardwatch.model.alert.AlarmDelays;
import org.wardwatch.model.tenant.TenantConfigReader;
import org.wardwatch.model.device.Placement;
import org.wardwatch.functions.core.AlertLifecycle;
import org.wardwatch.functions.core.AlertNotification;
import org.wardwatch.functions.core.ColdChain;
import org.wardwatch.model.coldchain.ColdChainSettings;
import org.wardwatch.functions.core.DecodedMessage;
import org.wardwatch.functions.core.DeviceCondition;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.functions.core.EnvironmentAlert;
import org.wardwatch.functions.core.Episode;
import org.wardwatch.functions.core.Excursion;
import org.wardwatch.model.reading.Metric;
import org.wardwatch.model.coldchain.StorageProfile;
import org.wardwatch.functions.core.Device;
import org.wardwatch.functions.core.Envelope;
import org.wardwatch.functions.core.MessageValidator;
import org.wardwatch.functions.core.Reading;
import org.wardwatch.functions.core.Rejection;
import org.wardwatch.model.alert.ThresholdTable;
import org.wardwatch.functions.core.Validation;

/**
 * Processes one device message: validate, quarantine what is rejected, store readings, advance each metric's
 * alert and publish its transitions. Safe to run again on the same event: a redelivery finds the message
 * processed; a retry after a crash rewrites the same readings, finds the alert state already advanced, and sends
 * only the alerts still pending in the outbox.
 *
 * <p>Round trips (functions/README.md, "Round trips"): one read of everything the message is evaluated against,
 * then its writes all at once, then the alerts, then the processed marker. Only a lost race re-reads, and only
 * a state found already at or past the message reads the outbox.
 */
public final class TelemetryService {

    private static final int MAX_CONFLICT_RETRIES = 8;
    /** The tenant configuration's default (model): a reading buffered for more than an hour changes no alert. */
    public static final Duration DEFAULT_MAX_READING_AGE =
            Duration.ofMinutes(TenantConfigReader.DEFAULT_MAX_READING_AGE_MINUTES);
    private static final System.Logger LOG = System.getLogger(TelemetryService.class.getName());

    private final String tenantId;
    private final MessageValidator validator;
    private final ThresholdTable thresholds;
    private final Map<String, StorageProfile> storageProfiles;
    private final ColdChainSettings coldChain;
    private final TelemetryStore store;
    private final AlertPublisher publisher;
    private final AlertRenderer renderer;
    private final BedPlanner bedPlanner;
    private final News2Planner news2Planner;
    private final ConditionPlanner conditionPlanner;
    private final Duration maxReadingAge;

    public TelemetryService(String tenantId, MessageValidator validator, ThresholdTable thresholds,
                            Map<String, StorageProfile> storageProfiles, ColdChainSettings coldChain,
                            TelemetryStore store, AlertPublisher publisher) {
        this(tenantId, validator, thresholds, AlarmDelays.defaults(), DEFAULT_MAX_READING_AGE, ZoneOffset.UTC,
                storageProfiles, coldChain, store, publisher);
    }

    public TelemetryService(String tenantId, MessageValidator validator, ThresholdTable thresholds,
                            AlarmDelays alarmDelays, Duration maxReadingAge, ZoneId zone,
                            Map<String, StorageProfile> storageProfiles, ColdChainSettings coldChain,
                            TelemetryStore store, AlertPublisher publisher) {
        this(tenantId, validator, thresholds, alarmDelays, maxReadingAge, zone, ward -> VitalsPolicy.THRESHOLDS,
                News2Settings.DEFAULTS, storageProfiles, coldChain, store, publisher);
    }

    /**
     * @param alarmDelays   each bed parameter's alarm delay and hysteresis
     * @param maxReadingAge a reading whose device time is older than this when IoT Core received it is stored,
     *                      counted as late, and changes no alert
     * @param zone          the hospital's time zone, for the times in staff texts
     * @param vitals        each ward's vitals policy
     * @param news2         NEWS2's window and delays, on the wards that score it
     */
    public TelemetryService(String tenantId, MessageValidator validator, ThresholdTable thresholds,
                            AlarmDelays alarmDelays, Duration maxReadingAge, ZoneId zone,
                            Function<String, VitalsPolicy> vitals, News2Settings news2,
                            Map<String, StorageProfile> storageProfiles, ColdChainSettings coldChain,
                            TelemetryStore store, AlertPublisher publisher) {
        this.renderer = new AlertRenderer(zone);
        this.news2Planner = new News2Planner(tenantId, vitals, news2, renderer);
        this.bedPlanner = new BedPlanner(tenantId, thresholds, alarmDelays, store, renderer, news2Planner);
        this.conditionPlanner = new ConditionPlanner(tenantId, renderer);
        this.maxReadingAge = maxReadingAge;
        this.tenantId = tenantId;
        this.validator = validator;
        this.thresholds = thresholds;
        this.storageProfiles = Map.copyOf(storageProfiles);
        this.coldChain = coldChain;
        this.store = store;
        this.publisher = publisher;
    }

    public TelemetryResult process(Envelope envelope, byte[] payload) {
        Validation validation = validator.validate(envelope, payload);
        if (validation instanceof Validation.Rejected rejected) {
            return quarantine(envelope, payload, rejected.rejection(), rejected.messageId());
        }
        Validation.Accepted accepted = (Validation.Accepted) validation;
        DecodedMessage message = accepted.message();
        String messageId = message.messageId();
        Device device = accepted.device();
        Set<Metric> metrics = EnumSet.noneOf(Metric.class);
        Set<Metric> bedMetrics = EnumSet.noneOf(Metric.class);
        Place place = BedPlanner.placeOf(device);
        boolean bedDevice = device.kind().placement() == Placement.BED;
        // A bed device's vital signs have their state at its bed (none while it is at no bed); the rest at the device.
        accepted.readings().forEach(r -> (BedPlanner.watchedAtBed(device, r.metric()) ? bedMetrics : metrics)
                .add(r.metric()));
        Set<DeviceCondition> conditions = EnumSet.noneOf(DeviceCondition.class);
        if (message.battery() != null) {
            conditions.add(DeviceCondition.BATTERY);
        }
        // Whether the message has a signal at all is a condition of the device (NoSignal): decided by its SpO2 and
        // heart rate, and by any reading it marks as without signal.
        boolean signalCarried = accepted.readings().stream()
                .anyMatch(r -> r.noSignal() || NoSignal.carriesSignal(r.metric()));
        boolean noSignal = accepted.readings().stream().anyMatch(ConditionPlanner::noSignal);
        if (signalCarried) {
            conditions.add(DeviceCondition.NO_SIGNAL);
        }
        // A bed on a ward that scores NEWS2 is scored when a reading of a parameter NEWS2 scores comes in.
        boolean scoresNews2 = place != null && news2Planner.scores(place.ward())
                && bedMetrics.stream().anyMatch(News2Parameter.METRICS::contains);
        DeviceSnapshot snapshot = store.snapshot(envelope.thingName(), messageId, metrics, conditions,
                place == null ? null : place.ward(), place == null ? null : place.bed(), bedDevice ? bedMetrics : null,
                scoresNews2);
        if (snapshot.processed()) {
            return new TelemetryResult(TelemetryResult.Outcome.DUPLICATE, messageId, 0, 0, List.of(), 0);
        }
        // A device whose readings last fed another bed was moved: its old bed hears it first (functions/README.md,
        // "Alerts at the bed"). The move is recorded once the old bed's alerts are sent, so that a retry after a crash
        // in between detaches again (finding nothing left to change) and reads the outbox for what is unsent.
        boolean moved = bedDevice && !Objects.equals(snapshot.placedAt(), place);
        boolean leftABed = moved && snapshot.placedAt() != null;
        List<OutgoingAlert> detached = leftABed ? bedPlanner.detach(device, envelope, message, snapshot.placedAt()) : List.of();
        boolean stale = Duration.between(message.deviceTime(), envelope.receivedAt()).compareTo(maxReadingAge) > 0;
        List<Plan> plans = new ArrayList<>();
        for (Reading reading : accepted.readings()) {
            if (stale) {
                continue;
            }
            if (BedPlanner.watchedAtBed(device, reading.metric())) {
                // a device at no bed watches no patient: its vital signs are stored only
                if (place != null && !ConditionPlanner.noSignal(reading)) {
                    plans.add(bedPlanner.plan(device, accepted, reading, snapshot.bed(),
                            snapshot.bed().parameter(reading.metric())));
                }
                continue;
            }
            plans.add(planReading(device, accepted, reading, snapshot.latest(reading.metric())));
        }
        if (message.battery() != null) {
            plans.add(conditionPlanner.battery(device, message, snapshot.condition(DeviceCondition.BATTERY)));
        }
        if (signalCarried && !stale) {
            plans.add(conditionPlanner.noSignal(device, message, noSignal, snapshot.condition(DeviceCondition.NO_SIGNAL)));
        }
        List<QuarantineEntry> refused = new ArrayList<>();
        for (Rejection rejection : accepted.rejections()) {
            refused.add(new QuarantineEntry(envelope, messageId, rejection, payload));
        }
        List<StateAdvance> advances = plans.stream().map(Plan::advance).filter(Objects::nonNull).toList();
        // A bed's readings belong to the patient admitted there when they are stored (the byPatient index).
        Device stored = snapshot.bed() == null ? device : device.withPatientRef(
                snapshot.bed().admission().map(Admission::patientRef).orElse(null));
        List<StateAdvance> lost = store.storeMessage(stored, envelope, message, accepted.readings(), refused, advances);
        for (int i = 0; i < plans.size(); i++) {
            StateAdvance advance = plans.get(i).advance();
            if (advance != null && lost.contains(advance)) {
                plans.set(i, writeAfterConflict(device, envelope, accepted, advance));
            }
        }
        // The bed's NEWS2 is written after its parameters, so that a concurrent message's re-evaluation after a lost
        // race reads them (functions/README.md, "NEWS2"). A retry after a crash scores again from what is stored.
        Optional<OutgoingAlert> news2Alert = scoresNews2 && !stale ? news2Planner.evaluate(store, snapshot.bed(),
                News2Planner.written(plans.stream().map(Plan::advance).filter(Objects::nonNull).toList()),
                new News2Planner.Trigger(device.thingName(), messageId, message.deviceTime(), device.thingName(),
                        envelope.receivedAt(), news2OutboxKey(messageId))).alert() : Optional.empty();
        // Alerts this invocation wrote are pending, and known. One state already at or past this message means an
        // earlier attempt, or a concurrent delivery, of the same message may have left alerts in the outbox (or a
        // reading is late): then the outbox is read too. functions/README.md, "Round trips".
        Map<String, OutgoingAlert> toSend = new LinkedHashMap<>();
        detached.forEach(alert -> toSend.put(alert.key(), alert));
        plans.stream().map(Plan::advance).filter(Objects::nonNull).forEach(a -> a.alert()
                .ifPresent(alert -> toSend.put(alert.key(), alert)));
        news2Alert.ifPresent(alert -> toSend.put(alert.key(), alert));
        if (leftABed || plans.stream().anyMatch(Plan::late)) {
            store.pendingAlerts(envelope.thingName(), messageId).forEach(a -> toSend.putIfAbsent(a.key(), a));
        }
        List<SentAlert> sent = new ArrayList<>();
        for (OutgoingAlert alert : toSend.values()) {
            sent.add(new SentAlert(alert, publisher.publish(alert)));
        }
        if (moved) {
            store.recordPlace(device.thingName(), place);
        }
        TelemetryResult result = new TelemetryResult(TelemetryResult.Outcome.ACCEPTED, messageId,
                accepted.readings().size(), accepted.rejections().size(),
                accepted.rejections().stream().map(r -> r.reason().name()).toList(), sent.size(),
                stale ? accepted.readings().size() : 0);
        store.markProcessed(envelope.thingName(), messageId, result, sent);
        return result;
    }

    /**
     * An advance lost its race to another invocation: read its state again, re-evaluate and write, until written
     * or found late.
     */
    private Plan writeAfterConflict(Device device, Envelope envelope, Validation.Accepted accepted,
                                    StateAdvance lost) {
        if (lost instanceof StateAdvance.OfBed bedAdvance) {
            return bedPlanner.writeAfterConflict(device, envelope, accepted, bedAdvance);
        }
        for (int attempt = 1; attempt < MAX_CONFLICT_RETRIES; attempt++) {
            Plan plan;
            if (lost instanceof StateAdvance.OfMetric metric) {
                plan = planReading(device, accepted, metric.reading(),
                        store.latest(device.thingName(), metric.reading().metric()));
            } else if (((StateAdvance.OfCondition) lost).condition() == DeviceCondition.NO_SIGNAL) {
                plan = conditionPlanner.noSignal(device, accepted.message(),
                        accepted.readings().stream().anyMatch(ConditionPlanner::noSignal),
                        store.condition(device.thingName(), DeviceCondition.NO_SIGNAL));
            } else {
                plan = conditionPlanner.battery(device, accepted.message(),
                        store.condition(device.thingName(), DeviceCondition.BATTERY));
            }
            if (plan.advance() == null) {
                return plan;
            }
            boolean written;
            if (plan.advance() instanceof StateAdvance.OfMetric m) {
                written = store.advance(device, envelope, accepted.message(), m.reading(), m.expected(), m.next(),
                        m.alert(), m.excursion());
            } else {
                StateAdvance.OfCondition c = (StateAdvance.OfCondition) plan.advance();
                written = store.advanceCondition(device.thingName(), c.condition(), c.expected(), c.next(), c.period(),
                        c.alert());
            }
            if (written) {
                return plan;
            }
        }
        String what = lost instanceof StateAdvance.OfMetric m ? "alert state of " + m.reading().metric().code()
                : ((StateAdvance.OfCondition) lost).condition().code() + " state";
        throw new IllegalStateException(what + " kept changing under " + MAX_CONFLICT_RETRIES + " attempts");
    }

    /** What evaluating one reading gave, whichever state machine evaluated it. */
    private record Evaluation(ColdChain.Step step, String type, AlertNotification.ColdChainDetail detail) {
    }

    private Plan planReading(Device device, Validation.Accepted accepted, Reading reading, LatestState latest) {
        Instant time = accepted.message().deviceTime();
        Supplier<String> newAlertId = () -> AlertIds.of(tenantId, device.thingName(), reading.metric(), time);
        Evaluation evaluation = evaluate(device, reading, time, latest, newAlertId);
        ColdChain.Step step = evaluation.step();
        if (step.late()) {
            return new Plan(null, true);
        }
        Optional<OutgoingAlert> alert = step.transition().map(t -> renderer.render(
                new AlertNotification(tenantId, evaluation.type(), t, device.thingName(), device.kind(),
                        device.ward(), device.bed(), reading.metric(), reading.value(),
                        accepted.message().messageId(), evaluation.detail(), device.room(), device.isolation()),
                outboxKey(accepted.message().messageId(), reading)));
        return new Plan(new StateAdvance.OfMetric(reading, latest, new LatestState(step.alert(), step.episode(), 0),
                alert, step.excursion()), false);
    }

    /**
     * Storage temperatures and doors of a storage sensor with a known profile go to the cold-chain machines, a
     * room's air to the environment machine (bands held 60 s; pressure only in an isolation room); every other
     * reading to its metric's threshold bands.
     */
    private Evaluation evaluate(Device device, Reading reading, Instant time, LatestState latest,
                                Supplier<String> newAlertId) {
        StorageProfile profile = device.storageProfile() == null ? null : storageProfiles.get(device.storageProfile());
        if (profile == null && device.storageProfile() != null) {
            LOG.log(System.Logger.Level.WARNING, "storage profile {0} of device {1} is not configured: its "
                    + "temperatures are stored but raise no cold-chain alert", device.storageProfile(), device.thingName());
        }
        if (profile != null && reading.metric() == Metric.STORAGE_TEMPERATURE) {
            ColdChain.Step step = ColdChain.temperature(latest.alert(), latest.episode(), time, reading.value(),
                    profile, coldChain, newAlertId);
            Instant since = step.excursion().map(Excursion::start).orElse(null);
            return new Evaluation(step, AlertNotification.COLD_CHAIN,
                    new AlertNotification.ColdChainDetail(profile, since, step.excursion().orElse(null)));
        }
        if (profile != null && reading.metric() == Metric.DOOR_OPEN) {
            ColdChain.Step step = ColdChain.door(latest.alert(), latest.episode(), time, reading.value() >= 0.5,
                    coldChain, newAlertId);
            Episode period = step.episode() != null ? step.episode() : latest.episode();
            return new Evaluation(step, AlertNotification.COLD_CHAIN,
                    new AlertNotification.ColdChainDetail(profile, period == null ? time : period.start(), null));
        }
        if (reading.metric().watch() == Metric.Watch.ENVIRONMENT) {
            Severity observed = reading.metric().bandsCompare(reading.value(), device.isolation())
                    .map(value -> thresholds.classify(reading.metric(), value)).orElse(Severity.NONE);
            return new Evaluation(EnvironmentAlert.evaluate(latest.alert(), latest.episode(), time, reading.value(),
                    observed, newAlertId), AlertNotification.ENVIRONMENT, null);
        }
        AlertLifecycle.Step step = AlertLifecycle.evaluate(latest.alert(),
                thresholds.classify(reading.metric(), reading.value()), time, newAlertId);
        return new Evaluation(new ColdChain.Step(step.state(), null, step.transition(), Optional.empty(), step.late()),
                AlertNotification.THRESHOLD, null);
    }

    /** Quarantines a message rejected before it could be decoded (e.g. a malformed rule event). */
    public TelemetryResult quarantine(Envelope envelope, byte[] payload, Rejection rejection) {
        return quarantine(envelope, payload, rejection, null);
    }

    private TelemetryResult quarantine(Envelope envelope, byte[] payload, Rejection rejection, String messageId) {
        store.quarantine(List.of(new QuarantineEntry(envelope, messageId, rejection, payload)));
        return new TelemetryResult(TelemetryResult.Outcome.REJECTED, messageId, 0, 0,
                List.of(rejection.reason().name()), 0);
    }

    /** The outbox key of a bed's NEWS2 alert raised by a message: one per message. */
    static String news2OutboxKey(String messageId) {
        return "M#" + messageId + "#N#" + News2.SUBJECT;
    }

    /** The outbox key of a reading's alert: one per message and metric, so a retry cannot add a second. */
    static String outboxKey(String messageId, Reading reading) {
        return "M#" + messageId + "#N#" + reading.metric().code();
    }
}
