package org.wardwatch.functions.service;

/**
 * An admission change refused, with a code for callers and one line for people. The line names beds and fields,
 * never the patient reference, which may be patient data.
 */
public final class AdmissionRefusedException extends RuntimeException {

    /** Why it was refused. */
    public enum Code {
        /** Admitting or transferring to a bed that holds an admission. */
        BED_OCCUPIED,
        /** Discharging, transferring or changing the settings of an empty bed. */
        BED_EMPTY,
        /** Admitting a patient who is admitted to a bed already. */
        PATIENT_ALREADY_ADMITTED,
        /** A patient reference that is not opaque. */
        INVALID_PATIENT_REF,
        /** A ward or bed that cannot name a bed. */
        INVALID_BED,
        /** A staff identifier that is not one. */
        INVALID_STAFF_ID,
        /** An SpO2 scale other than 1 or 2. */
        INVALID_SPO2_SCALE,
        /** Scale 2 or overrides without who prescribed them. */
        PRESCRIBER_REQUIRED,
        /** Overrides without why, or a reason too long. */
        INVALID_REASON,
        /** Threshold overrides that are not valid bands. */
        INVALID_OVERRIDES,
        /** A transfer to the bed the patient is in. */
        SAME_BED,
        /** A nurse observation without consciousness or air-or-oxygen, or with a value NEWS2 does not know. */
        INVALID_OBSERVATION,
        /** The admission changed between reading and writing it, or another change was being made at once. */
        CONCURRENT_CHANGE
    }

    private final Code code;

    public AdmissionRefusedException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    /** "ICU-3 bed 15", as refusals name a bed. */
    static String bed(String ward, String bed) {
        return ward + " bed " + bed;
    }
}
