package org.wardwatch.functions.aws;

import java.time.Instant;
import java.util.Map;
import org.wardwatch.functions.core.AlertState;
import org.wardwatch.functions.core.Episode;
import org.wardwatch.functions.service.LatestState;
import org.wardwatch.model.alert.Severity;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How a metric's latest item ({@code L#<metric>}) and a device condition's item ({@code H#<condition>}) read as state. */
final class StateItems {

    /** What evaluating a metric or device condition reads of its state item. */
    static final String STATE_ATTRIBUTES = "deviceTime, severity, alertId, openedAt, version, episodeStart, "
            + "episodeMin, episodeMax, episodeCriticalSince, lastEvaluated";

    private StateItems() {
    }

    static LatestState latestState(Map<String, AttributeValue> item) {
        AlertState state = new AlertState(
                Severity.valueOf(item.get("severity").s()),
                item.containsKey("alertId") ? item.get("alertId").s() : null,
                item.containsKey("openedAt") ? Instant.parse(item.get("openedAt").s()) : null,
                Instant.parse(item.get("deviceTime").s()));
        Episode episode = item.containsKey("episodeStart")
                ? new Episode(Instant.parse(item.get("episodeStart").s()), Double.parseDouble(item.get("episodeMin").n()),
                Double.parseDouble(item.get("episodeMax").n()), item.containsKey("episodeCriticalSince")
                ? Instant.parse(item.get("episodeCriticalSince").s()) : null)
                : null;
        return new LatestState(state, episode, Long.parseLong(item.get("version").n()));
    }

    static LatestState conditionState(Map<String, AttributeValue> item) {
        return new LatestState(new AlertState(Severity.valueOf(item.get("severity").s()),
                item.containsKey("alertId") ? item.get("alertId").s() : null,
                item.containsKey("openedAt") ? Instant.parse(item.get("openedAt").s()) : null,
                item.containsKey("lastEvaluated") ? Instant.parse(item.get("lastEvaluated").s()) : null),
                item.containsKey("episodeStart") ? Episode.startingWith(Instant.parse(item.get("episodeStart").s()), 0)
                        : null, Long.parseLong(item.get("version").n()),
                item.containsKey("unsentAlert") ? item.get("unsentAlert").s() : null);
    }
}
