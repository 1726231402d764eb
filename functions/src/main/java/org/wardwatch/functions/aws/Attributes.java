package org.wardwatch.functions.aws;

import static org.wardwatch.functions.aws.Keys.PK;
import static org.wardwatch.functions.aws.Keys.SK;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The attribute values and keys the readings table's items are written with. */
final class Attributes {

    private Attributes() {
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null && !value.isEmpty()) {
            item.put(name, s(value));
        }
    }

    /** An instant as its ISO-8601 text, left out when null. */
    static void putTime(Map<String, AttributeValue> item, String name, java.time.Instant time) {
        if (time != null) {
            item.put(name, s(time.toString()));
        }
    }

    /** The instant written by {@link #putTime}, null when absent. */
    static java.time.Instant time(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : java.time.Instant.parse(v.s());
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(double value) {
        return AttributeValue.fromN(value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value) : java.math.BigDecimal.valueOf(value).toPlainString());
    }
}
