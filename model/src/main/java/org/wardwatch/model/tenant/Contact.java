package org.wardwatch.model.tenant;

import java.util.List;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.escalation.Tiers;

/**
 * A member of staff (or a ward's shared phone or mailbox) who receives alerts.
 *
 * @param protocol        how alerts reach them
 * @param endpoint        E.164 phone number for SMS, address for email
 * @param minimumSeverity the least severe alert they receive
 * @param wards           the wards they receive alerts for; empty means every ward
 * @param tier            their tier of a ward's escalation ({@link Tiers}): 1 the ward's nurses (the default), 2
 *                        the nurse in charge, 3 outreach, rapid response or the doctor on call
 */
public record Contact(Protocol protocol, String endpoint, Severity minimumSeverity, List<String> wards, int tier) {

    /** A contact's tier when the tenant file names none. */
    public static final int DEFAULT_TIER = Tiers.FIRST;

    public Contact {
        wards = List.copyOf(wards);
        if (tier < Tiers.FIRST || tier > Tiers.LAST) {
            throw new IllegalArgumentException("tier must be " + Tiers.FIRST + " to " + Tiers.LAST);
        }
    }

    /** SNS protocols staff can be reached by. */
    public enum Protocol {
        SMS,
        EMAIL
    }
}
