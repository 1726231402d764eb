package org.wardwatch.staffapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.wardwatch.functions.core.AlertRecord;

/** The before and after of audited writes, as JSON text (alert records carry no patient reference). */
final class AuditJson {

    private AuditJson() {
    }

    /** An alert's acknowledgement state: severity, whether open, who acknowledged, when, with which note. */
    static String acknowledgement(AlertRecord r) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("alertId", r.alertId());
        n.put("severity", r.severity().name());
        n.put("open", r.open());
        n.put("acknowledgedBy", r.acknowledgedBy());
        n.put("acknowledgedAt", AlertView.time(r.acknowledgedAt()));
        n.put("acknowledgementNote", r.acknowledgementNote());
        return n.toString();
    }
}
