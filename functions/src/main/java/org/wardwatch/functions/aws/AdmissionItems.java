package org.wardwatch.functions.aws;

import static org.wardwatch.functions.aws.Attributes.n;
import static org.wardwatch.functions.aws.Attributes.putIfPresent;
import static org.wardwatch.functions.aws.Attributes.s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.wardwatch.functions.core.Admission;
import org.wardwatch.functions.core.AdmissionChange;
import org.wardwatch.functions.core.AdmissionChange.Action;
import org.wardwatch.functions.core.AdmissionChange.Settings;
import org.wardwatch.model.alert.ThresholdBand;
import org.wardwatch.model.reading.Metric;
import org.wardwatch.model.tenant.PatientOverrides;
import org.wardwatch.model.tenant.TableIndexes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item layout of admissions in the readings table (functions/README.md, "Admissions"): in the bed's partition
 * ({@link Keys#bed}) the current admission ({@link Keys#ADMISSION}) and the history ({@code A#H#<time>#<id>}), and
 * the patient's pointer to their bed ({@code P#<patientRef>} / {@code A#current}). The current admission also carries
 * the keys of the ward index ({@link TableIndexes#BY_WARD}: {@code wardIndex} its ward, {@code wardSort}
 * {@code A#<bed>}), which lists a ward's admitted beds. None has a TTL attribute: they are
 * kept for the life of the tenant. Overrides are JSON text in the tenant configuration's band format.
 */
public final class AdmissionItems {

    static final String HISTORY_PREFIX = "A#H#";
    /**
     * The attribute of the patient reference: not {@code patientRef}, which only reading items carry, so that the
     * {@code byPatient} index holds readings only.
     */
    static final String PATIENT = "patient";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AdmissionItems() {
    }

    /** The key of a bed's current admission, for a batch read of the bed's items. */
    public static Map<String, AttributeValue> key(String ward, String bed) {
        return Attributes.key(Keys.bed(ward, bed), Keys.ADMISSION);
    }

    /** The key of a patient's pointer to the bed they are admitted to. */
    static Map<String, AttributeValue> patientKey(String patientRef) {
        return Attributes.key("P#" + patientRef, Keys.ADMISSION);
    }

    /** The admission an {@code A#current} item holds. */
    public static Admission admission(Map<String, AttributeValue> item) {
        return new Admission(item.get("ward").s(), item.get("bed").s(), item.get(PATIENT).s(),
                Instant.parse(item.get("admittedAt").s()), Integer.parseInt(item.get("spo2Scale").n()),
                text(item, "spo2ScaleBy"), instant(item, "spo2ScaleAt"), overrides(item.get("overrides").s()));
    }

    static Map<String, AttributeValue> current(Admission admission) {
        Map<String, AttributeValue> item = new HashMap<>(key(admission.ward(), admission.bed()));
        item.put("ward", s(admission.ward()));
        item.put("bed", s(admission.bed()));
        item.put(TableIndexes.WARD_PARTITION, s(admission.ward()));
        item.put(TableIndexes.WARD_SORT, s(TableIndexes.WARD_ADMISSION_PREFIX + admission.bed()));
        item.put(PATIENT, s(admission.patientRef()));
        item.put("admittedAt", s(admission.admittedAt().toString()));
        item.put("spo2Scale", n(admission.spo2Scale()));
        putIfPresent(item, "spo2ScaleBy", admission.spo2ScaleBy());
        if (admission.spo2ScaleAt() != null) {
            item.put("spo2ScaleAt", s(admission.spo2ScaleAt().toString()));
        }
        item.put("overrides", s(json(admission.overrides())));
        return item;
    }

    /** The values a write is conditional on: the admission as it was read. */
    static Map<String, AttributeValue> asRead(Admission admission) {
        return Map.of(":patientRef", s(admission.patientRef()), ":admittedAt", s(admission.admittedAt().toString()),
                ":spo2Scale", n(admission.spo2Scale()), ":overrides", s(json(admission.overrides())));
    }

    static final String UNCHANGED = PATIENT + " = :patientRef AND admittedAt = :admittedAt"
            + " AND spo2Scale = :spo2Scale AND overrides = :overrides";

    static Map<String, AttributeValue> pointer(Admission admission) {
        Map<String, AttributeValue> item = new HashMap<>(patientKey(admission.patientRef()));
        item.put("ward", s(admission.ward()));
        item.put("bed", s(admission.bed()));
        item.put("admittedAt", s(admission.admittedAt().toString()));
        return item;
    }

    static Map<String, AttributeValue> change(AdmissionChange change) {
        Map<String, AttributeValue> item = new HashMap<>(Attributes.key(Keys.bed(change.ward(), change.bed()),
                HISTORY_PREFIX + Keys.time(change.at()) + "#" + UUID.randomUUID()));
        item.put("ward", s(change.ward()));
        item.put("bed", s(change.bed()));
        item.put(PATIENT, s(change.patientRef()));
        item.put("action", s(change.action().name()));
        item.put("at", s(change.at().toString()));
        putIfPresent(item, "by", change.by());
        putIfPresent(item, "reason", change.reason());
        if (change.before() != null) {
            item.put("previousSpo2Scale", n(change.before().spo2Scale()));
            item.put("previousOverrides", s(json(change.before().overrides())));
        }
        if (change.after() != null) {
            item.put("spo2Scale", n(change.after().spo2Scale()));
            item.put("overrides", s(json(change.after().overrides())));
        }
        putIfPresent(item, "otherWard", change.otherWard());
        putIfPresent(item, "otherBed", change.otherBed());
        return item;
    }

    static AdmissionChange change(Map<String, AttributeValue> item) {
        return new AdmissionChange(item.get("ward").s(), item.get("bed").s(), item.get(PATIENT).s(),
                Action.valueOf(item.get("action").s()), text(item, "by"), Instant.parse(item.get("at").s()),
                text(item, "reason"), settings(item, "previousSpo2Scale", "previousOverrides"),
                settings(item, "spo2Scale", "overrides"), text(item, "otherWard"), text(item, "otherBed"));
    }

    private static Settings settings(Map<String, AttributeValue> item, String scale, String overrides) {
        return item.containsKey(scale) ? new Settings(Integer.parseInt(item.get(scale).n()),
                overrides(item.get(overrides).s())) : null;
    }

    static String json(Map<Metric, List<ThresholdBand>> overrides) {
        return PatientOverrides.toJson(overrides).toString();
    }

    private static Map<Metric, List<ThresholdBand>> overrides(String json) {
        try {
            return PatientOverrides.parse(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an admission item's overrides are not JSON", e);
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String text = text(item, name);
        return text == null ? null : Instant.parse(text);
    }
}
