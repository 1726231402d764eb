package org.wardwatch.functions.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Function;
import org.wardwatch.model.escalation.EscalationPolicy;

/**
 * The escalation check, run every minute by a schedule (issue 15; functions/README.md, "Acknowledgement and
 * escalation"): for every open record, the steps of its ward's policy due at {@code now}
 * ({@link org.wardwatch.functions.core.AlertLedger#escalate}) are rendered, written into the record's outbox with
 * the steps counted as sent (one conditional write: of two concurrent checks one wins, the other finds the steps
 * sent), then published and taken out of the outbox. Pending notifications of earlier checks or acknowledgements
 * that are not claimed are sent first. A step is never sent twice, except when a sender dies between its publish
 * and the write after it (then the claim lapses after {@link #CLAIM} and it is sent again).
 */
public final class EscalationService {

    /** How long a sender's claim on a pending notification holds: longer than the function's timeout. */
    public static final Duration CLAIM = Duration.ofMinutes(5);

    /**
     * What one check did.
     *
     * @param records the records looked at (open, or with pending notifications)
     * @param sent    notifications published
     * @param failed  notifications whose publish failed (left pending for the next check)
     */
    public record Check(int records, int sent, int failed) {
    }

    /** @param policyOf the escalation policy of a ward (null for an alert without a ward: the defaults) */
    public EscalationService(String tenantId, AlertRecordStore records, AlertPublisher publisher,
                             Function<String, EscalationPolicy> policyOf, ZoneId zone) {
        throw new UnsupportedOperationException("issue 15: not yet");
    }

    public Check check(Instant now) {
        throw new UnsupportedOperationException("issue 15: not yet");
    }
}
