package org.wardwatch.model.tenant;

/**
 * The global secondary indexes of the tenant's tables and the attributes they are keyed on: the stack declares them
 * (infra, ReadingsStore) and the functions write those attributes and query the indexes (functions/README.md,
 * "Tables"), so both name them from here. Every index sorts on the table's {@code sk} except {@link #BY_OPEN_ALERT} and {@link #BY_WARD}.
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
     * What a ward holds, for the staff API's ward view and alert history (one index for both: CloudFormation adds at
     * most one index to a table per update): every item carrying {@link #WARD_PARTITION} (the ward's name,
     * {@code none} for an alert without one) and {@link #WARD_SORT}. Two kinds, told apart by the sort key:
     * <ul>
     *   <li>every alert record, open or closed: {@code <openedAt, the model's SortableTime>#<alertId>}, which sorts
     *       as the opening times do (and before {@link #WARD_ADMISSION_PREFIX}: it starts with a digit);</li>
     *   <li>a bed's current admission: {@link #WARD_ADMISSION_PREFIX}{@code <bed>}.</li>
     * </ul>
     */
    public static final String BY_WARD = "byWard";
    public static final String WARD_PARTITION = "wardIndex";
    public static final String WARD_SORT = "wardSort";
    /** The {@link #WARD_SORT} prefix of a ward's current admissions. */
    public static final String WARD_ADMISSION_PREFIX = "A#";

    /** Quarantined messages by reason code: partition {@link #REASON}. */
    public static final String BY_REASON = "byReason";
    public static final String REASON = "reason";

    private TableIndexes() {
    }
}
