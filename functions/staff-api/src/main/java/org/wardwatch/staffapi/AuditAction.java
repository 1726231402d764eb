package org.wardwatch.staffapi;

/**
 * What a staff write did, as the audit table's {@code action} names it: one value per kind of write the API
 * carries out, so an auditor can ask for every discharge or every change of SpO2 scale.
 */
enum AuditAction {
    /** An alert acknowledged ({@code POST /alerts/{alertId}/ack}); target the alert id. */
    ACKNOWLEDGE_ALERT,
    /** A patient admitted to a bed; target {@code <ward>#<bed>}. */
    ADMIT,
    /** A patient moved from one bed to another; target the bed left, {@code after} names the bed taken. */
    TRANSFER,
    /** A patient discharged; target the bed. */
    DISCHARGE,
    /** A patient's SpO2 scale or threshold overrides changed, with a reason; target the bed. */
    CHANGE_SETTINGS,
    /** Nurse observations recorded (consciousness, air or oxygen); target the bed. */
    RECORD_OBSERVATIONS,
    /** A cold-chain excursion acknowledged with the actions taken; target {@code <device>#<start>}. */
    ACKNOWLEDGE_EXCURSION
}
