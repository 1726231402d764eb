package org.wardwatch.model.tenant;

/**
 * The global secondary indexes of the tenant's tables and the attributes they are keyed on: the stack declares them
 * (infra, ReadingsStore) and the functions write those attributes and query the indexes (functions/README.md,
 * "Tables"), so both name them from here. Every index sorts on the table's {@code sk} except {@link #BY_OPEN_ALERT} and {@link #BY_WARD_ALERT}.
 */
public final class TableIndexes {

    /** Readings of a bed in a time range: partition {@link #BED_KEY} ({@code <ward>#<bed>}). */
    public static final String BY_BED = "byBed";
    public static final String BED_KEY = "bedKey";

    /** Readings of a patient reference in a time range: partition {@link #PATIENT_REF}. */
    public static final String BY_PATIENT = "byPatient";
    public static final String PATIENT_REF = "patientRef";

    /**
     * The open alert records (issue 15), sparse: only an open record carries {@link #OPEN_PARTITION} =
     * {@link #OPEN} and {@link #OPEN_SORT} ({@code <ward>#<place>#<type>#<subject>#<alertId>}).
     */
    public static final String BY_OPEN_ALERT = "byOpenAlert";
    public static final String OPEN_PARTITION = "openIndex";
    public static final String OPEN_SORT = "openKey";
    public static final String OPEN = "open";

    /**
     * Every alert record of a ward, open or closed, newest first (the staff API's alert history): every record
     * carries {@link #WARD_ALERT_PARTITION} (its ward, {@code none} without one) and {@link #WARD_ALERT_SORT}
     * ({@code <openedAt, UTC to the millisecond, fixed width>#<alertId>}, so that the keys sort by opening time).
     */
    public static final String BY_WARD_ALERT = "byWardAlert";
    public static final String WARD_ALERT_PARTITION = "alertWard";
    public static final String WARD_ALERT_SORT = "alertKey";

    /** Quarantined messages by reason code: partition {@link #REASON}. */
    public static final String BY_REASON = "byReason";
    public static final String REASON = "reason";

    private TableIndexes() {
    }
}
