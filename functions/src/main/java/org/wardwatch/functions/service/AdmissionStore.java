package org.wardwatch.functions.service;

import java.util.List;
import java.util.Optional;
import org.wardwatch.functions.core.Admission;
import org.wardwatch.functions.core.AdmissionChange;

/**
 * Where beds' admissions and their history are kept. Every write is all or nothing and conditional on what it was
 * decided from: a refusal is an {@link AdmissionRefusedException} ({@code BED_OCCUPIED},
 * {@code PATIENT_ALREADY_ADMITTED}, {@code BED_EMPTY} or {@code CONCURRENT_CHANGE}) and writes nothing.
 */
public interface AdmissionStore {

    Optional<Admission> current(String ward, String bed);

    /** Admits to an empty bed a patient admitted nowhere else, and records the change. */
    void admit(Admission admission, AdmissionChange change);

    /** Ends the admission, if the bed still holds it as read, and records the change. */
    void discharge(Admission admission, AdmissionChange change);

    /** Moves the admission from its bed, if unchanged, to {@code to}'s empty bed; records both beds' changes. */
    void transfer(Admission from, Admission to, AdmissionChange out, AdmissionChange in);

    /** Replaces the admission's settings, if unchanged since {@code before} was read, and records the change. */
    void change(Admission before, Admission after, AdmissionChange change);

    /** The bed's history, oldest first. */
    List<AdmissionChange> history(String ward, String bed);
}
