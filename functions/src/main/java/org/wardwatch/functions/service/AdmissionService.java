package org.wardwatch.functions.service;

import org.wardwatch.model.staff.StaffId;

import static org.wardwatch.functions.service.AdmissionRefusedException.Code.*;
import static org.wardwatch.functions.service.AdmissionRefusedException.bed;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wardwatch.functions.core.Admission;
import org.wardwatch.functions.core.AdmissionChange;
import org.wardwatch.functions.core.AdmissionChange.Action;
import org.wardwatch.functions.core.AdmissionChange.Settings;
import org.wardwatch.functions.core.AlertTransition;
import org.wardwatch.functions.core.PatientRef;
import org.wardwatch.model.alert.ThresholdBand;
import org.wardwatch.model.reading.Metric;

/**
 * Admits patients to beds, transfers them and discharges them, and changes the settings that are a patient's own
 * (SpO2 scale, threshold overrides); every change goes to the bed's history (functions/README.md, "Admissions").
 * A bed holds at most one admission and a patient is admitted to at most one bed. A discharge resolves the bed's
 * open alerts, and so does a transfer for the bed left, with reason {@link AlertTransition#DISCHARGED}. Nothing
 * here logs: admissions are patient data.
 */
public final class AdmissionService {

    /** What a discharge or transfer did: the admission (as it ended, or as it now is) and the alerts resolved. */
    public record Outcome(Admission admission, List<String> resolvedAlerts) {
    }

    private static final int MAX_REASON = 500;

    private final AdmissionStore store;
    private final BedAlerts bedAlerts;

    public AdmissionService(AdmissionStore store, BedAlerts bedAlerts) {
        this.store = store;
        this.bedAlerts = bedAlerts;
    }

    public Optional<Admission> current(String ward, String bed) {
        checkBed(ward, bed);
        return store.current(ward, bed);
    }

    public List<AdmissionChange> history(String ward, String bed) {
        checkBed(ward, bed);
        return store.history(ward, bed);
    }

    /**
     * @param by     who admits, or prescribes scale 2 or overrides; required for those, optional otherwise
     * @param reason why; required with overrides
     */
    public Admission admit(String ward, String bed, String patientRef, int spo2Scale, String by, String reason,
                           Map<Metric, List<ThresholdBand>> overrides, Instant at) {
        checkBed(ward, bed);
        if (!PatientRef.isOpaque(patientRef)) {
            throw new AdmissionRefusedException(INVALID_PATIENT_REF, PatientRef.RULE);
        }
        checkScale(spo2Scale, by);
        checkStaff(by);
        checkReason(reason);
        if (!overrides.isEmpty()) {
            checkOverridesPrescribed(by, reason);
        }
        Admission admission = new Admission(ward, bed, patientRef, at, spo2Scale, spo2Scale == 2 ? by : null,
                spo2Scale == 2 ? at : null, overrides);
        store.admit(admission, new AdmissionChange(ward, bed, patientRef, Action.ADMITTED, by, at, reason, null,
                Settings.of(admission), null, null));
        return admission;
    }

    /** The patient leaves the bed and is admitted to the new one with the same settings, admitted at {@code at}. */
    public Outcome transfer(String ward, String bed, String toWard, String toBed, String by, Instant at) {
        checkBed(ward, bed);
        checkBed(toWard, toBed);
        checkStaff(by);
        if (ward.equals(toWard) && bed.equals(toBed)) {
            throw new AdmissionRefusedException(SAME_BED, "the patient is in " + bed(ward, bed) + " already");
        }
        Admission from = occupied(ward, bed);
        Admission to = new Admission(toWard, toBed, from.patientRef(), at, from.spo2Scale(), from.spo2ScaleBy(),
                from.spo2ScaleAt(), from.overrides());
        Settings settings = Settings.of(from);
        store.transfer(from, to,
                new AdmissionChange(ward, bed, from.patientRef(), Action.TRANSFERRED_OUT, by, at, null, settings, null,
                        toWard, toBed),
                new AdmissionChange(toWard, toBed, from.patientRef(), Action.TRANSFERRED_IN, by, at, null, null,
                        settings, ward, bed));
        return new Outcome(to, resolveAlerts(ward, bed, from.patientRef(), at, "transferred to " + bed(toWard, toBed)));
    }

    public Outcome discharge(String ward, String bed, String by, Instant at) {
        checkBed(ward, bed);
        checkStaff(by);
        Admission admission = occupied(ward, bed);
        store.discharge(admission, new AdmissionChange(ward, bed, admission.patientRef(), Action.DISCHARGED, by, at,
                null, Settings.of(admission), null, null, null));
        return new Outcome(admission, resolveAlerts(ward, bed, admission.patientRef(), at,
                "discharged from " + bed(ward, bed)));
    }

    /** Scale 2 needs who prescribed it, and records when; back to 1 forgets both. */
    public Admission setSpo2Scale(String ward, String bed, int scale, String by, String reason, Instant at) {
        checkBed(ward, bed);
        checkScale(scale, by);
        requireStaff(by, "a change of SpO2 scale");
        checkReason(reason);
        Admission before = occupied(ward, bed);
        Admission after = new Admission(ward, bed, before.patientRef(), before.admittedAt(), scale,
                scale == 2 ? by : null, scale == 2 ? at : null, before.overrides());
        return change(before, after, Action.SPO2_SCALE_CHANGED, by, reason, at);
    }

    /** Replaces the patient's overrides (an empty map removes them); who and why are required. */
    public Admission setOverrides(String ward, String bed, Map<Metric, List<ThresholdBand>> overrides, String by,
                                  String reason, Instant at) {
        checkBed(ward, bed);
        checkReason(reason);
        checkOverridesPrescribed(by, reason);
        Admission before = occupied(ward, bed);
        Admission after = new Admission(ward, bed, before.patientRef(), before.admittedAt(), before.spo2Scale(),
                before.spo2ScaleBy(), before.spo2ScaleAt(), overrides);
        return change(before, after, Action.OVERRIDES_CHANGED, by, reason, at);
    }

    private Admission change(Admission before, Admission after, Action action, String by, String reason, Instant at) {
        store.change(before, after, new AdmissionChange(before.ward(), before.bed(), before.patientRef(), action, by,
                at, reason, Settings.of(before), Settings.of(after), null, null));
        return after;
    }

    private Admission occupied(String ward, String bed) {
        return store.current(ward, bed).orElseThrow(() -> new AdmissionRefusedException(BED_EMPTY,
                bed(ward, bed) + " holds no admission"));
    }

    /** After the admission is written: a failure here leaves the admission changed and says so. */
    private List<String> resolveAlerts(String ward, String bed, String patientRef, Instant at, String done) {
        try {
            return bedAlerts.resolveAll(ward, bed, patientRef, AlertTransition.DISCHARGED, at);
        } catch (RuntimeException e) {
            throw new AlertsNotResolvedException("the patient was " + done + ", but the bed's open alerts could not "
                    + "be resolved (" + e.getClass().getSimpleName() + "): they stay open until resolved", e);
        }
    }

    static void checkBed(String ward, String bed) {
        if (!isPlace(ward) || !isPlace(bed)) {
            throw new AdmissionRefusedException(INVALID_BED,
                    "ward and bed are required: 1-64 characters each, without # or control characters");
        }
    }

    private static boolean isPlace(String name) {
        return name != null && !name.isBlank() && name.length() <= 64
                && name.chars().noneMatch(c -> c == '#' || Character.isISOControl(c));
    }

    private static void checkScale(int scale, String by) {
        if (scale != 1 && scale != 2) {
            throw new AdmissionRefusedException(INVALID_SPO2_SCALE, "spo2Scale must be 1 or 2");
        }
        if (scale == 2 && by == null) {
            throw new AdmissionRefusedException(PRESCRIBER_REQUIRED,
                    "SpO2 scale 2 needs by: who prescribed it (a staff identifier)");
        }
    }

    private static void checkStaff(String by) {
        if (by != null && !StaffId.valid(by)) {
            throw new AdmissionRefusedException(INVALID_STAFF_ID,
                    "by must be " + StaffId.RULE);
        }
    }

    static void requireStaff(String by, String what) {
        if (by == null) {
            throw new AdmissionRefusedException(PRESCRIBER_REQUIRED, what + " needs by: who made it");
        }
        checkStaff(by);
    }

    private static void checkReason(String reason) {
        if (reason != null && (reason.isBlank() || reason.length() > MAX_REASON)) {
            throw new AdmissionRefusedException(INVALID_REASON, "reason must be 1-" + MAX_REASON + " characters");
        }
    }

    private static void checkOverridesPrescribed(String by, String reason) {
        requireStaff(by, "threshold overrides");
        if (reason == null) {
            throw new AdmissionRefusedException(INVALID_REASON, "threshold overrides need reason: why");
        }
    }
}
