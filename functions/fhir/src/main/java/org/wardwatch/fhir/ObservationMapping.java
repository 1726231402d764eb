package org.wardwatch.fhir;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.news2.News2Parameter;
import org.wardwatch.model.news2.News2Score;
import org.wardwatch.model.reading.Metric;

/**
 * A tenant's readings and NEWS2 scores as FHIR R4 Observations (docs/fhir.md): each reading of an admitted patient
 * conforms to its vital-signs profile ({@link VitalSignsProfile}): status {@code final}, category
 * {@code vital-signs}, the metric's LOINC code, a UCUM {@code valueQuantity}, {@code effectiveDateTime} the device's
 * time, {@code subject} the patient by identifier (the tenant's admission system, the {@code patientRef}; never a
 * name), {@code device} by identifier (the thing name, its kind as display), and an identifier of its own from the
 * reading's key, so that a re-sent reading is the same Observation. A NEWS2 score is an Observation coded SNOMED CT
 * 1104051000000101 with the sub-scores as components and {@code derivedFrom} the readings it used.
 */
public final class ObservationMapping {

    static final String LOINC = "http://loinc.org";
    static final String SNOMED = "http://snomed.info/sct";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

    private final String patientSystem;
    private final String readingSystem;
    private final String deviceSystem;

    /**
     * @param tenantId the tenant, whose systems name the readings and devices
     * @param patientSystem the URI of the system the tenant's {@code patientRef}s belong to (its admission system)
     */
    public ObservationMapping(String tenantId, String patientSystem) {
        this.patientSystem = patientSystem;
        this.readingSystem = "urn:wardwatch:" + tenantId + ":reading";
        this.deviceSystem = "urn:wardwatch:" + tenantId + ":device";
    }

    /** The system of the exported Observations' own identifiers. */
    public String readingSystem() {
        return readingSystem;
    }

    /** One reading, under its metric's profile; refused for a metric not exported alone (see {@link #bloodPressure}). */
    public Observation reading(PatientReading r) {
        VitalSignsProfile profile = VitalSignsProfile.of(r.metric()).orElseThrow(() -> new IllegalArgumentException(
                r.metric().code() + " is not exported as an Observation of its own"));
        Observation o = vitalSign(profile, r);
        String loinc = r.metric() == Metric.GLUCOSE && r.kind() == DeviceKind.GLUCOSE_METER
                ? VitalSignsProfile.CAPILLARY_GLUCOSE : loinc(r.metric());
        o.setCode(code(LOINC, loinc, r.metric().label()));
        o.setValue(quantity(r.metric(), r.value()));
        return o;
    }

    /** A blood pressure: the panel, with the systolic and diastolic readings of one measurement as components. */
    public Observation bloodPressure(PatientReading systolic, PatientReading diastolic) {
        if (systolic.metric() != Metric.SYSTOLIC_BP || diastolic.metric() != Metric.DIASTOLIC_BP) {
            throw new IllegalArgumentException("a blood pressure is a systolic and a diastolic reading");
        }
        if (!systolic.patientRef().equals(diastolic.patientRef()) || !systolic.deviceTime().equals(diastolic.deviceTime())) {
            throw new IllegalArgumentException("the systolic and diastolic readings are not of one measurement");
        }
        Observation o = vitalSign(VitalSignsProfile.BLOOD_PRESSURE, systolic);
        o.setCode(code(LOINC, VitalSignsProfile.BLOOD_PRESSURE_PANEL, "blood pressure panel"));
        for (PatientReading r : List.of(systolic, diastolic)) {
            o.addComponent().setCode(code(LOINC, loinc(r.metric()), r.metric().label()))
                    .setValue(quantity(r.metric(), r.value()));
        }
        return o;
    }

    /**
     * A NEWS2 score of the patient at {@code at}: the total as {@code valueInteger}, each parameter's sub-score as a
     * component, {@code derivedFrom} the readings (by their keys) it was scored from.
     *
     * @param key the score's own key (bed and evaluation time), its identifier
     * @param spo2Scale the patient's SpO2 scale (1 or 2), which decides the SpO2 sub-score's code
     */
    public Observation news2(String key, String patientRef, Instant at, News2Score score, int spo2Scale,
                             List<String> derivedFrom) {
        Observation o = new Observation();
        o.addIdentifier(new Identifier().setSystem(readingSystem).setValue(key));
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(code(CATEGORY, "survey", "Survey"));
        o.setCode(code(SNOMED, News2Parameter.TOTAL_SCORE_SNOMED, "Royal College of Physicians NEWS2 (National Early Warning Score 2) total score"));
        o.setSubject(patient(patientRef));
        o.setEffective(time(at));
        o.setValue(new IntegerType(score.total()));
        score.subScores().forEach((parameter, points) -> {
            CodeableConcept code = parameter.subScoreSnomed(spo2Scale)
                    .map(snomed -> code(SNOMED, snomed, parameter.code() + " sub-score"))
                    .orElseGet(() -> new CodeableConcept().setText(parameter.code() + " (scale 2) sub-score"));
            o.addComponent().setCode(code).setValue(new IntegerType(points));
        });
        derivedFrom.forEach(k -> o.addDerivedFrom(new Reference().setIdentifier(
                new Identifier().setSystem(readingSystem).setValue(k))));
        return o;
    }

    private Observation vitalSign(VitalSignsProfile profile, PatientReading r) {
        Observation o = new Observation();
        o.getMeta().addProfile(profile.url());
        o.addIdentifier(new Identifier().setSystem(readingSystem).setValue(r.key()));
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(code(CATEGORY, "vital-signs", "Vital Signs"));
        o.setSubject(patient(r.patientRef()));
        o.setEffective(time(r.deviceTime()));
        o.setDevice(new Reference().setIdentifier(new Identifier().setSystem(deviceSystem).setValue(r.thingName()))
                .setDisplay(r.kind() == null ? r.thingName() : r.kind().code() + " " + r.thingName()));
        return o;
    }

    private Reference patient(String patientRef) {
        return new Reference().setType("Patient")
                .setIdentifier(new Identifier().setSystem(patientSystem).setValue(patientRef));
    }

    private static DateTimeType time(Instant at) {
        DateTimeType t = new DateTimeType(Date.from(at), TemporalPrecisionEnum.MILLI);
        t.setTimeZoneZulu(true);
        return t;
    }

    private static String loinc(Metric metric) {
        return metric.loinc().orElseThrow(() -> new IllegalArgumentException(metric.code() + " has no LOINC code"));
    }

    private static Quantity quantity(Metric metric, double value) {
        return new Quantity().setValue(BigDecimal.valueOf(value)).setUnit(metric.displayUnit())
                .setSystem(UCUM).setCode(metric.canonicalUnit());
    }

    private static CodeableConcept code(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display)).setText(display);
    }
}
