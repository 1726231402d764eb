package org.wardwatch.model.tenant;

import java.util.List;
import org.wardwatch.model.alert.Severity;

/**
 * A member of staff (or a ward's shared phone or mailbox) who receives alerts.
 *
 * @param protocol        how alerts reach them
 * @param endpoint        E.164 phone number for SMS, address for email
 * @param minimumSeverity the least severe alert they receive
 * @param wards           the wards they receive alerts for; empty means every ward
 */
public record Contact(Protocol protocol, String endpoint, Severity minimumSeverity, List<String> wards) {

    public Contact {
        wards = List.copyOf(wards);
    }

    /** SNS protocols staff can be reached by. */
    public enum Protocol {
        SMS,
        EMAIL
    }
}
