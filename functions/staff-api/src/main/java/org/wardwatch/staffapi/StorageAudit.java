package org.wardwatch.staffapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.wardwatch.functions.aws.DynamoExcursionLog;

/** The before and after of an excursion's acknowledgement, as audit JSON text (an excursion has no patient). */
final class StorageAudit {

    private StorageAudit() {
    }

    static String excursion(String device, DynamoExcursionLog.Entry e) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("device", device);
        n.put("start", e.excursion().start().toString());
        n.put("open", e.excursion().isOpen());
        n.put("acknowledgedBy", e.excursion().acknowledgedBy());
        n.put("acknowledgedAt", AlertView.time(e.acknowledgedAt()));
        n.put("actionsTaken", e.actionsTaken());
        return n.toString();
    }
}
