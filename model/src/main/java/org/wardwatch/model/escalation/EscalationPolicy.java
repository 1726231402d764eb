package org.wardwatch.model.escalation;

import java.time.Duration;
import java.time.Instant;
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

    public EscalationPolicy {
        critical = List.copyOf(critical);
        warning = List.copyOf(warning);
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
     * (exactly its delay counts), in order. A run that was late gives every step it missed, oldest first.
     */
    public List<EscalationStep> due(Severity severity, Instant clockFrom, int sent, Instant now) {
        throw new UnsupportedOperationException("contract: implemented in issue 15");
    }
}
