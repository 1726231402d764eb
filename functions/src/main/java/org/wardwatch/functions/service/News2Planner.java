package org.wardwatch.functions.service;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.wardwatch.functions.core.Admission;
import org.wardwatch.functions.core.AlertIds;
import org.wardwatch.functions.core.AlertTransition;
import org.wardwatch.functions.core.BedParameterState;
import org.wardwatch.functions.core.News2Alert;
import org.wardwatch.functions.core.News2Notification;
import org.wardwatch.functions.core.News2Picture;
import org.wardwatch.model.news2.News2;
import org.wardwatch.model.news2.News2Score;
import org.wardwatch.model.reading.Metric;
import org.wardwatch.model.tenant.News2Settings;
import org.wardwatch.model.tenant.VitalsPolicy;

/**
 * A bed's NEWS2 alert on a ward that scores it (functions/README.md, "NEWS2"): the bed is scored from its
 * parameters' state and nurse observations after an input changed, the alert advanced with {@link News2Alert} and
 * written conditioned on its version; a lost race reads the bed again and re-evaluates.
 */
public final class News2Planner {

    private static final int MAX_CONFLICT_RETRIES = 8;

    private final String tenantId;
    private final Function<String, VitalsPolicy> vitals;
    private final News2Settings settings;
    private final AlertRenderer renderer;

    public News2Planner(String tenantId, Function<String, VitalsPolicy> vitals, News2Settings settings,
                        AlertRenderer renderer) {
        this.tenantId = tenantId;
        this.vitals = vitals;
        this.settings = settings;
        this.renderer = renderer;
    }

    /** Whether the ward's vital signs page through NEWS2. */
    public boolean scores(String ward) {
        return ward != null && vitals.apply(ward) == VitalsPolicy.NEWS2;
    }

    /** What caused an evaluation: a device's message, or a member of staff's observation. */
    public record Trigger(String source, String messageId, Instant time, String outboxThing, Instant receivedAt,
                          String outboxKey) {
    }

    /**
     * What scoring the bed gave: the picture and score, the alert's step (the state to write, conditioned on the
     * version read, and its transition) and the transition rendered.
     */
    public record Scored(News2Picture picture, News2Score score, News2Alert.Step step, Optional<OutgoingAlert> alert) {

        public Optional<AlertTransition> transition() {
            return step.transition();
        }
    }

    /**
     * Scores the bed at {@code trigger.time()}, or at the latest time its state has seen when that is later: an
     * input that arrives late (another device's clock, an observation entered afterwards) does not hide the values
     * that came after it. Pure: nothing is read or written.
     *
     * @param bed    the bed as read (its {@link BedSnapshot#news2()} set)
     * @param states each parameter's state to score from
     */
    public Scored score(BedSnapshot bed, Map<Metric, BedParameterState> states, Trigger trigger) {
        News2Stored stored = bed.news2();
        Instant at = stored.state().evaluatedAt() != null && stored.state().evaluatedAt().isAfter(trigger.time())
                ? stored.state().evaluatedAt() : trigger.time();
        News2Picture picture = News2Picture.at(at, states, stored.observations(),
                bed.admission().map(Admission::spo2Scale).orElse(1), settings);
        News2Score score = News2.score(picture.inputs());
        News2Alert.Step step = News2Alert.evaluate(stored.state(), score, at, settings.resolve(),
                () -> AlertIds.ofBed(tenantId, bed.ward(), bed.bed(), News2.SUBJECT, at));
        Optional<OutgoingAlert> alert = step.transition().map(t -> renderer.render(new News2Notification(tenantId,
                t, bed.ward(), bed.bed(), bed.admission().map(Admission::patientRef).orElse(null), score,
                picture.values(), trigger.source(), trigger.messageId()), trigger.outboxKey()));
        return new Scored(picture, score, step, alert);
    }

    /**
     * Scores the bed ({@link #score}) and writes its NEWS2 state (and alert, into the outbox of
     * {@code trigger.outboxThing()} when not null) until written; a lost race reads the bed again.
     *
     * @param bed     the bed as read with the trigger (its {@link BedSnapshot#news2()} set)
     * @param written parameters' states this invocation wrote after reading {@code bed}: they replace the read ones
     * @return what was written
     */
    public Scored evaluate(News2Store store, BedSnapshot bed, Map<Metric, BedParameterState> written,
                           Trigger trigger) {
        Map<Metric, BedParameterState> states = bed.states();
        states.putAll(written);
        for (int attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
            Scored scored = score(bed, states, trigger);
            if (store.advanceNews2(bed.ward(), bed.bed(), bed.news2().version(), scored.step().state(),
                    scored.alert(), trigger.outboxThing(), trigger.receivedAt())) {
                return scored;
            }
            bed = store.news2Bed(bed.ward(), bed.bed());
            states = bed.states();
        }
        throw new IllegalStateException("the NEWS2 state of a bed kept changing under " + MAX_CONFLICT_RETRIES
                + " attempts");
    }

    /** The parameters' states among {@code advances} (the last for each metric). */
    public static Map<Metric, BedParameterState> written(List<StateAdvance> advances) {
        Map<Metric, BedParameterState> states = new EnumMap<>(Metric.class);
        for (StateAdvance a : advances) {
            if (a instanceof StateAdvance.OfBed b && b.reading() != null) {
                states.put(b.next().metric(), b.next().state());
            }
        }
        return states;
    }
}
