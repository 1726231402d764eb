package org.wardwatch.functions.aws;

import static org.wardwatch.functions.aws.Attributes.n;
import static org.wardwatch.functions.aws.Attributes.s;
import static org.wardwatch.functions.aws.Keys.PK;
import static org.wardwatch.functions.aws.Keys.SK;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wardwatch.functions.service.OutgoingAlert;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The alert outbox's items in the device's partition (functions/README.md, "Round trips"). */
final class OutboxItems {

    private OutboxItems() {
    }

    /** The outbox item {@code A#...} of an alert about to be published, {@code PENDING} until it is marked sent. */
    static Map<String, AttributeValue> pending(String thingName, OutgoingAlert a, long expiresAt) {
        Map<String, AttributeValue> outbox = new HashMap<>();
        outbox.put(PK, s(Keys.device(thingName)));
        outbox.put(SK, s(a.key()));
        outbox.put("status", s("PENDING"));
        outbox.put("subject", s(a.subject()));
        outbox.put("message", s(a.message()));
        Map<String, AttributeValue> attrs = new LinkedHashMap<>();
        a.attributes().forEach((k, v) -> attrs.put(k, s(v)));
        outbox.put("attributes", AttributeValue.fromM(attrs));
        outbox.put("expiresAt", n(expiresAt));
        return outbox;
    }

    static OutgoingAlert alert(String thingName, Map<String, AttributeValue> item) {
        Map<String, String> attributes = new LinkedHashMap<>();
        item.get("attributes").m().forEach((k, v) -> attributes.put(k, v.s()));
        return new OutgoingAlert(thingName, item.get(SK).s(), item.get("subject").s(), item.get("message").s(),
                attributes);
    }
}
