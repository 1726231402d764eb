package org.wardwatch.staffapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.wardwatch.functions.core.Admission;
import org.wardwatch.functions.core.NurseObservations;
import org.wardwatch.model.tenant.PatientOverrides;

/**
 * The before and after of admissions, settings and observations, as audit JSON text: the bed, when, the settings
 * and who set them, never the patient reference. The audit is read by admins, who serve no ward; the bed's own
 * history (the admission function's {@code A#H#} items) ties a change to its patient. {@code null} where there was
 * nothing (before an admission, after a discharge).
 */
final class AdmissionAudit {

    static final String NOTHING = "null";

    private AdmissionAudit() {
    }

    static String admission(Optional<Admission> admission) {
        return admission.map(AdmissionAudit::admission).orElse(NOTHING);
    }

    static String admission(Admission a) {
        return node(a).toString();
    }

    /** A transfer's or discharge's: the admission, and the alerts the bed left had resolved. */
    static String admission(Admission a, List<String> resolvedAlerts) {
        ObjectNode n = node(a);
        resolvedAlerts.forEach(n.putArray("resolvedAlerts")::add);
        return n.toString();
    }

    private static ObjectNode node(Admission a) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("ward", a.ward());
        n.put("bed", a.bed());
        n.put("admittedAt", AlertView.time(a.admittedAt()));
        n.put("spo2Scale", a.spo2Scale());
        n.put("spo2ScaleBy", a.spo2ScaleBy());
        n.put("spo2ScaleAt", AlertView.time(a.spo2ScaleAt()));
        n.set("overrides", PatientOverrides.toJson(a.overrides()));
        return n;
    }

    static String observations(NurseObservations o) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("consciousness", o.consciousness() == null ? null : o.consciousness().code());
        n.put("consciousnessAt", AlertView.time(o.consciousnessAt()));
        n.put("consciousnessBy", o.consciousnessBy());
        n.put("oxygen", o.oxygen());
        n.put("oxygenAt", AlertView.time(o.oxygenAt()));
        n.put("oxygenBy", o.oxygenBy());
        return n.toString();
    }
}
