package org.wardwatch.functions.aws;

import static org.wardwatch.functions.aws.Attributes.n;
import static org.wardwatch.functions.aws.Attributes.putIfPresent;
import static org.wardwatch.functions.aws.Attributes.putTime;
import static org.wardwatch.functions.aws.Attributes.s;
import static org.wardwatch.functions.aws.Attributes.time;
import static org.wardwatch.functions.aws.Keys.PK;
import static org.wardwatch.functions.aws.Keys.SK;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.wardwatch.functions.core.News2State;
import org.wardwatch.functions.core.NurseObservations;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.news2.Consciousness;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A bed's NEWS2 items in its partition {@code B#<ward>#<bed>} (functions/README.md, "Tables"): the alert
 * {@code N#news2}, written whole and conditioned on its version, and the nurse observations {@code O#current}
 * with their history {@code O#H#<time>#<by>}. Kept without expiry, like the bed's other state.
 */
final class News2Items {

    static final String ALERT = "N#" + org.wardwatch.model.news2.News2.SUBJECT;
    static final String OBSERVATIONS = "O#current";

    private News2Items() {
    }

    static String history(Instant time, String by) {
        return "O#H#" + Keys.time(time) + "#" + by;
    }

    static Map<String, AttributeValue> alert(String ward, String bed, News2State state, long version) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(Keys.bed(ward, bed)));
        item.put(SK, s(ALERT));
        item.put("severity", s(state.severity().name()));
        item.put("version", n(version));
        putIfPresent(item, "alertId", state.alertId());
        putTime(item, "openedAt", state.openedAt());
        putTime(item, "atMostWarningSince", state.atMostWarningSince());
        putTime(item, "normalSince", state.normalSince());
        putTime(item, "evaluatedAt", state.evaluatedAt());
        if (state.total() != null) {
            item.put("total", n(state.total()));
        }
        return item;
    }

    static News2State state(Map<String, AttributeValue> item) {
        return new News2State(Severity.valueOf(item.get("severity").s()),
                item.containsKey("alertId") ? item.get("alertId").s() : null, time(item, "openedAt"),
                time(item, "atMostWarningSince"), time(item, "normalSince"), time(item, "evaluatedAt"),
                item.containsKey("total") ? Integer.valueOf(item.get("total").n()) : null);
    }

    static long version(Map<String, AttributeValue> item) {
        return item == null ? 0 : Long.parseLong(item.get("version").n());
    }

    /** The observations item for {@code admittedAt}'s admission (absent: no patient). */
    static Map<String, AttributeValue> observations(String ward, String bed, Instant admittedAt, NurseObservations o,
                                                    long version) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(Keys.bed(ward, bed)));
        item.put(SK, s(OBSERVATIONS));
        item.put("version", n(version));
        putTime(item, "admittedAt", admittedAt);
        if (o.consciousness() != null) {
            item.put("consciousness", s(o.consciousness().code()));
            putTime(item, "consciousnessAt", o.consciousnessAt());
            putIfPresent(item, "consciousnessBy", o.consciousnessBy());
        }
        if (o.oxygen() != null) {
            item.put("oxygen", AttributeValue.fromBool(o.oxygen()));
            putTime(item, "oxygenAt", o.oxygenAt());
            putIfPresent(item, "oxygenBy", o.oxygenBy());
        }
        return item;
    }

    /** The observations of an item, or none when it belongs to another admission than {@code admittedAt}'s. */
    static NurseObservations observationsOf(Map<String, AttributeValue> item, Instant admittedAt) {
        if (item == null || !Objects.equals(time(item, "admittedAt"), admittedAt)) {
            return NurseObservations.NONE;
        }
        AttributeValue c = item.get("consciousness");
        AttributeValue o = item.get("oxygen");
        return new NurseObservations(c == null ? null : Consciousness.ofCode(c.s()).orElse(null),
                time(item, "consciousnessAt"), text(item, "consciousnessBy"), o == null ? null : o.bool(),
                time(item, "oxygenAt"), text(item, "oxygenBy"));
    }

    static Map<String, AttributeValue> historyEntry(String ward, String bed, Instant admittedAt,
                                                    Consciousness consciousness, Boolean oxygen, String by,
                                                    Instant time) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(Keys.bed(ward, bed)));
        item.put(SK, s(history(time, by)));
        item.put("by", s(by));
        item.put("time", s(time.toString()));
        putTime(item, "admittedAt", admittedAt);
        if (consciousness != null) {
            item.put("consciousness", s(consciousness.code()));
        }
        if (oxygen != null) {
            item.put("oxygen", AttributeValue.fromBool(oxygen));
        }
        return item;
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }


}
