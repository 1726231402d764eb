package org.wardwatch.functions.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.wardwatch.functions.core.AlertLedger;
import org.wardwatch.functions.core.AlertRecord;
import org.wardwatch.functions.core.EscalationNotification;
import org.wardwatch.functions.core.EscalationNotification.Event;
import org.wardwatch.model.escalation.EscalationPolicy;
import org.wardwatch.model.escalation.EscalationStep;
import org.wardwatch.model.escalation.Tiers;

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

    private final String tenantId;
    private final AlertRecordStore records;
    private final Function<String, EscalationPolicy> policyOf;
    private final AlertRenderer renderer;
    private final RecordOutbox outbox;

    /** @param policyOf the escalation policy of a ward (null for an alert without a ward: the defaults) */
    public EscalationService(String tenantId, AlertRecordStore records, AlertPublisher publisher,
                             Function<String, EscalationPolicy> policyOf, ZoneId zone) {
        this.tenantId = tenantId;
        this.records = records;
        this.policyOf = policyOf;
        this.renderer = new AlertRenderer(zone);
        this.outbox = new RecordOutbox(records, publisher);
    }

    /**
     * Sends what is due at {@code now}. A record that cannot be handled (its store failing) does not stop the
     * others: the first such failure is thrown once every record was looked at.
     */
    public Check check(Instant now) {
        List<AlertRecordStore.Stored> found = records.open();
        int sent = 0;
        int failed = 0;
        RuntimeException first = null;
        for (AlertRecordStore.Stored stored : found) {
            try {
                RecordOutbox.Outcome outcome = outbox.send(stored, record -> due(record, now), now);
                sent += outcome.sent().size();
                failed += outcome.failed();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return new Check(found.size(), sent, failed);
    }

    /** The steps due for {@code current} at {@code now}, rendered; empty when none is. */
    private Optional<RecordOutbox.Change> due(AlertRecord current, Instant now) {
        EscalationPolicy policy = policyOf.apply(current.ward());
        AlertLedger.Escalation escalation = AlertLedger.escalate(current,
                policy == null ? EscalationPolicy.defaults() : policy, now);
        if (escalation.due().isEmpty()) {
            return Optional.empty();
        }
        List<OutgoingAlert> notifications = new ArrayList<>();
        for (int i = 0; i < escalation.due().size(); i++) {
            EscalationStep step = escalation.due().get(i);
            boolean reminder = step.kind() == EscalationStep.Kind.REMINDER;
            EscalationNotification n = new EscalationNotification(tenantId,
                    reminder ? Event.REMINDER : Event.UNACKNOWLEDGED, escalation.record(),
                    List.of(reminder ? Tiers.FIRST : step.tier()), now, null, null);
            notifications.add(renderer.render(n, RecordOutbox.stepKey(current, current.stepsSent() + i)));
        }
        return Optional.of(new RecordOutbox.Change(escalation.record(), notifications));
    }
}
