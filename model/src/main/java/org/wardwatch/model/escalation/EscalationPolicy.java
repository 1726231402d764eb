package org.wardwatch.model.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wardwatch.model.alert.Severity;

/**
 * When an unacknowledged alert is sent again and to whom (docs/clinical-defaults.md, "Escalation"): its steps for
 * a CRITICAL and for a WARNING, each in the order of their delays. Pure: no clock, no state.
 *
 * @param critical the steps of a CRITICAL alert, by delay
 * @param warning  the steps of a WARNING alert, by delay
 */
public record EscalationPolicy(List<EscalationStep> critical, List<EscalationStep> warning) {

    /** @throws IllegalArgumentException when a severity's steps are not in non-decreasing order of delay */
    public EscalationPolicy {
        critical = List.copyOf(critical);
        warning = List.copyOf(warning);
        requireInOrder("CRITICAL", critical);
        requireInOrder("WARNING", warning);
    }

    private static void requireInOrder(String severity, List<EscalationStep> steps) {
        for (int i = 1; i < steps.size(); i++) {
            Duration before = steps.get(i - 1).after();
            Duration after = steps.get(i).after();
            if (after.compareTo(before) < 0) {
                throw new IllegalArgumentException("the " + severity + " escalation steps must be in order of "
                        + "their delays: step " + (i + 1) + " (" + minutes(after) + ") comes before step " + i
                        + " (" + minutes(before) + ")");
            }
        }
    }

    private static String minutes(Duration delay) {
        long seconds = delay.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }

    /**
     * The defaults of issue 15: a CRITICAL reminded to tier 1 at 3 minutes, sent to tier 2 at 5 and tier 3 at 10;
     * a WARNING sent to tier 2 at 15 minutes.
     */
    public static EscalationPolicy defaults() {
        return DEFAULTS;
    }

    private static final EscalationPolicy DEFAULTS = new EscalationPolicy(
            List.of(new EscalationStep(Duration.ofMinutes(3), 1, EscalationStep.Kind.REMINDER),
                    new EscalationStep(Duration.ofMinutes(5), 2, EscalationStep.Kind.UNACKNOWLEDGED),
                    new EscalationStep(Duration.ofMinutes(10), 3, EscalationStep.Kind.UNACKNOWLEDGED)),
            List.of(new EscalationStep(Duration.ofMinutes(15), 2, EscalationStep.Kind.UNACKNOWLEDGED)));

    /** The steps of an alert of {@code severity} (none for {@link Severity#NONE}). */
    public List<EscalationStep> steps(Severity severity) {
        return switch (severity) {
            case CRITICAL -> critical;
            case WARNING -> warning;
            case NONE -> List.of();
        };
    }

    /**
     * The steps due at {@code now} for an alert of {@code severity} whose clock started at {@code clockFrom}, of
     * which the first {@code sent} were sent already (since that clock started): each step whose delay has passed
     * (exactly its delay counts), in order. A run that was late gives every step it missed, oldest first. Nothing
     * for {@link Severity#NONE}, nothing when {@code now} is before {@code clockFrom}, nothing once all were sent.
     *
     * @throws IllegalArgumentException when {@code sent} is negative
     */
    public List<EscalationStep> due(Severity severity, Instant clockFrom, int sent, Instant now) {
        if (sent < 0) {
            throw new IllegalArgumentException("steps sent cannot be negative: " + sent);
        }
        List<EscalationStep> steps = steps(severity);
        List<EscalationStep> due = new ArrayList<>();
        for (int i = sent; i < steps.size(); i++) {
            EscalationStep step = steps.get(i);
            if (now.isBefore(clockFrom.plus(step.after()))) {
                break; // the steps are in order of delay: none after this one is due either
            }
            due.add(step);
        }
        return List.copyOf(due);
    }
}
