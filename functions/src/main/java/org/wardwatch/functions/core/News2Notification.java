package org.wardwatch.functions.core;

import java.util.List;
import org.wardwatch.model.news2.News2Score;

/**
 * Everything staff are told about one transition of a bed's NEWS2 alert. Ward and bed; the patientRef goes only
 * into the document queues receive, never into a text message or e-mail.
 *
 * @param score      the score at the transition
 * @param values     the values it was computed from
 * @param thingName  the device whose reading triggered the evaluation, or who entered the observation
 * @param messageId  the triggering message's id; null for an observation
 * @param patientRef the admission's opaque reference; null with no patient admitted
 */
public record News2Notification(String tenantId, AlertTransition transition, String ward, String bed,
                                String patientRef, News2Score score, List<News2Value> values, String thingName,
                                String messageId) {

    public static final String TYPE = "NEWS2";

    public News2Notification {
        values = List.copyOf(values);
    }

    public String alertId() {
        return transition.alertId();
    }
}
