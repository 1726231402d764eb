package org.wardwatch.model.escalation;

/**
 * The tiers of a ward's escalation (issue 15): 1 the ward's nurses (paged when an alert opens), 2 the nurse in
 * charge, 3 the outreach or rapid-response team or the doctor on call.
 */
public final class Tiers {

    public static final int FIRST = 1;
    public static final int LAST = 3;

    private Tiers() {
    }
}
