package org.wardwatch.functions.aws;

import static org.wardwatch.functions.aws.Attributes.n;
import static org.wardwatch.functions.aws.Attributes.putIfPresent;
import static org.wardwatch.functions.aws.Attributes.putTime;
import static org.wardwatch.functions.aws.Attributes.s;
import static org.wardwatch.functions.aws.Attributes.time;
import static org.wardwatch.functions.aws.Keys.PK;
import static org.wardwatch.functions.aws.Keys.SK;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wardwatch.functions.core.BedParameterState;
import org.wardwatch.functions.core.SourceValue;
import org.wardwatch.functions.service.BedParameter;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.reading.Metric;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A bed parameter's alert item {@code P#<metric>} in the bed's partition {@code B#<ward>#<bed>}
 * (functions/README.md, "Tables"): the open alert, the runs the alarm delays are measured on, and each source's
 * latest value. Written whole, conditioned on its version; kept without expiry (a bed's state is small and current).
 */
final class BedItems {

    private BedItems() {
    }

    static Map<String, AttributeValue> item(BedParameter p, long version) {
        BedParameterState state = p.state();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(Keys.bed(p.ward(), p.bed())));
        item.put(SK, s(Keys.bedParameter(p.metric())));
        item.put("ward", s(p.ward()));
        item.put("bed", s(p.bed()));
        item.put("metric", s(p.metric().code()));
        item.put("severity", s(state.severity().name()));
        item.put("version", n(version));
        putIfPresent(item, "alertId", state.alertId());
        putTime(item, "openedAt", state.openedAt());
        putTime(item, "atLeastWarningSince", state.atLeastWarningSince());
        putTime(item, "atLeastCriticalSince", state.atLeastCriticalSince());
        putTime(item, "atMostWarningSince", state.atMostWarningSince());
        putTime(item, "normalSince", state.normalSince());
        putTime(item, "lastCounted", state.lastCounted());
        List<AttributeValue> sources = new ArrayList<>();
        for (SourceValue source : state.sources()) {
            Map<String, AttributeValue> m = new LinkedHashMap<>();
            m.put("thing", s(source.thingName()));
            m.put("kind", s(source.kind().code()));
            m.put("value", n(source.value()));
            m.put("deviceTime", s(source.deviceTime().toString()));
            sources.add(AttributeValue.fromM(m));
        }
        item.put("sources", AttributeValue.fromL(sources));
        return item;
    }

    static BedParameter parameter(Map<String, AttributeValue> item) {
        List<SourceValue> sources = new ArrayList<>();
        for (AttributeValue v : item.getOrDefault("sources", AttributeValue.fromL(List.of())).l()) {
            Map<String, AttributeValue> m = v.m();
            sources.add(new SourceValue(m.get("thing").s(), DeviceKind.fromCode(m.get("kind").s()).orElseThrow(),
                    Double.parseDouble(m.get("value").n()), Instant.parse(m.get("deviceTime").s())));
        }
        BedParameterState state = new BedParameterState(Severity.valueOf(item.get("severity").s()),
                item.containsKey("alertId") ? item.get("alertId").s() : null, time(item, "openedAt"),
                time(item, "atLeastWarningSince"), time(item, "atLeastCriticalSince"),
                time(item, "atMostWarningSince"), time(item, "normalSince"), time(item, "lastCounted"), sources);
        return new BedParameter(item.get("ward").s(), item.get("bed").s(),
                Metric.fromCode(item.get("metric").s()).orElseThrow(), state, Long.parseLong(item.get("version").n()));
    }


}
