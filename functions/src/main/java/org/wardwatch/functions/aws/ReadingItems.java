package org.wardwatch.functions.aws;

import static org.wardwatch.functions.aws.Attributes.n;
import static org.wardwatch.functions.aws.Attributes.putIfPresent;
import static org.wardwatch.functions.aws.Attributes.s;

import java.util.LinkedHashMap;
import java.util.Map;
import org.wardwatch.functions.core.DecodedMessage;
import org.wardwatch.functions.core.Device;
import org.wardwatch.functions.core.Envelope;
import org.wardwatch.functions.core.Reading;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The attributes of a stored reading ({@code R#...}) and of its metric's latest item. */
final class ReadingItems {

    private ReadingItems() {
    }

    /** A reading's attributes, as its own item and its metric's latest item carry them. */
    static Map<String, AttributeValue> attributes(Device device, Envelope envelope, DecodedMessage message,
                                                  Reading reading, long expiresAt) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("thingName", s(device.thingName()));
        item.put("tenantId", s(device.tenantId()));
        item.put("kind", s(device.kind().code()));
        putIfPresent(item, "ward", device.ward());
        putIfPresent(item, "bed", device.bed());
        item.put("metric", s(reading.metric().code()));
        item.put("value", n(reading.value()));
        if (reading.metric().canonicalUnit() != null) {
            item.put("unit", s(reading.metric().canonicalUnit()));
        }
        item.put("sentValue", n(reading.sentValue()));
        if (reading.sentUnit() != null) {
            item.put("sentUnit", s(reading.sentUnit()));
        }
        item.put("deviceTime", s(Keys.time(message.deviceTime())));
        item.put("receivedAt", s(Keys.time(envelope.receivedAt())));
        item.put("messageId", s(message.messageId()));
        item.put("expiresAt", n(expiresAt));
        return item;
    }
}
