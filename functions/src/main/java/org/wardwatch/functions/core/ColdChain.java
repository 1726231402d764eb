package org.wardwatch.functions.core;

import org.wardwatch.model.coldchain.ColdChainSettings;
import org.wardwatch.model.coldchain.StorageProfile;
import org.wardwatch.model.alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The cold-chain state machines of one storage device, in device time (docs/clinical-defaults.md, "Cold chain"):
 * <ul>
 * <li>Temperature: the first out-of-range reading starts an excursion; the first reading still out of range
 * {@code warnAfter} after its start opens a WARNING, the first still out of range {@code escalateAfter} after it
 * escalates to CRITICAL; a vaccine fridge at or below its freezing point is CRITICAL at once. The first in-range
 * reading ends the excursion, resolving its alert if one was published. Every excursion is recorded, alerted
 * or not. Severity never falls during an excursion.</li>
 * <li>Door: a {@code door_open} true reading starts a door-open period; the first still true {@code doorAfter}
 * after it opens a WARNING; the first false reading resolves it.</li>
 * </ul>
 * A reading no newer than the latest evaluated changes nothing.
 */
public final class ColdChain {

    private ColdChain() {
    }

    /**
     * The state after a reading.
     *
     * @param excursion the excursion as it now stands, when one is open or has just ended (to record)
     */
    public record Step(AlertState alert, Episode episode, Optional<AlertTransition> transition,
                       Optional<Excursion> excursion, boolean late) {
    }

    public static Step temperature(AlertState alert, Episode episode, Instant time, double temperature,
                                   StorageProfile profile, ColdChainSettings settings, Supplier<String> newAlertId) {
        if (isLate(alert, time)) {
            return new Step(alert, episode, Optional.empty(), Optional.empty(), true);
        }
        if (profile.contains(temperature)) {
            if (episode == null) {
                return new Step(evaluated(alert, time), null, Optional.empty(), Optional.empty(), false);
            }
            Excursion ended = new Excursion(episode.start(), time, episode.min(), episode.max(), alert.severity(),
                    alert.alertId(), profile.name());
            Optional<AlertTransition> resolved = alert.severity().isAlert()
                    ? Optional.of(new AlertTransition(Transition.RESOLVED, alert.alertId(), Severity.NONE,
                    alert.severity(), alert.openedAt(), time))
                    : Optional.empty();
            return new Step(new AlertState(Severity.NONE, null, null, time), null, resolved, Optional.of(ended), false);
        }
        Episode now = episode == null ? Episode.startingWith(time, temperature) : episode.including(temperature);
        Duration elapsed = Duration.between(now.start(), time);
        Severity target = profile.freezes(temperature) || elapsed.compareTo(settings.escalateAfter()) >= 0
                ? Severity.CRITICAL
                : elapsed.compareTo(settings.warnAfter()) >= 0 ? Severity.WARNING : Severity.NONE;
        if (target.compareTo(alert.severity()) < 0) {
            target = alert.severity();
        }
        AlertState next;
        Optional<AlertTransition> transition = Optional.empty();
        if (target == alert.severity()) {
            next = evaluated(alert, time);
        } else if (!alert.severity().isAlert()) {
            next = new AlertState(target, newAlertId.get(), time, time);
            transition = Optional.of(new AlertTransition(Transition.OPENED, next.alertId(), target, Severity.NONE,
                    time, time));
        } else {
            next = new AlertState(target, alert.alertId(), alert.openedAt(), time);
            transition = Optional.of(new AlertTransition(Transition.ESCALATED, alert.alertId(), target,
                    alert.severity(), alert.openedAt(), time));
        }
        Excursion open = new Excursion(now.start(), null, now.min(), now.max(), next.severity(), next.alertId(),
                profile.name());
        return new Step(next, now, transition, Optional.of(open), false);
    }

    public static Step door(AlertState alert, Episode episode, Instant time, boolean open, ColdChainSettings settings,
                            Supplier<String> newAlertId) {
        if (isLate(alert, time)) {
            return new Step(alert, episode, Optional.empty(), Optional.empty(), true);
        }
        if (!open) {
            Optional<AlertTransition> resolved = alert.severity().isAlert()
                    ? Optional.of(new AlertTransition(Transition.RESOLVED, alert.alertId(), Severity.NONE,
                    alert.severity(), alert.openedAt(), time))
                    : Optional.empty();
            return new Step(new AlertState(Severity.NONE, null, null, time), null, resolved, Optional.empty(), false);
        }
        Episode now = episode == null ? Episode.startingWith(time, 1) : episode;
        if (!alert.severity().isAlert() && Duration.between(now.start(), time).compareTo(settings.doorAfter()) >= 0) {
            AlertState next = new AlertState(Severity.WARNING, newAlertId.get(), time, time);
            return new Step(next, now, Optional.of(new AlertTransition(Transition.OPENED, next.alertId(),
                    Severity.WARNING, Severity.NONE, time, time)), Optional.empty(), false);
        }
        return new Step(evaluated(alert, time), now, Optional.empty(), Optional.empty(), false);
    }

    private static boolean isLate(AlertState alert, Instant time) {
        return alert.lastEvaluated() != null && !time.isAfter(alert.lastEvaluated());
    }

    private static AlertState evaluated(AlertState alert, Instant time) {
        return new AlertState(alert.severity(), alert.alertId(), alert.openedAt(), time);
    }
}
