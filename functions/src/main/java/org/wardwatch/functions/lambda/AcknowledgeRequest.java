package org.wardwatch.functions.lambda;

import org.wardwatch.model.tenant.WardName;
import org.wardwatch.model.alert.AlertPlace;
import static org.wardwatch.functions.lambda.RequestFields.shortened;
import static org.wardwatch.functions.lambda.RequestFields.strictText;

import org.wardwatch.functions.lambda.RequestFields.InvalidRequestException;

import org.wardwatch.model.alert.AlertType;
import org.wardwatch.model.staff.StaffId;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.wardwatch.functions.service.AcknowledgementService;
import org.wardwatch.model.device.ThingName;

/**
 * A request to the {@code acknowledge} handler, checked field by field: either the alert's place
 * {@code {"ward", exactly one of "bed"/"room"/"device", "type", "metric"?, "by", "note"?, "time"?}} or its id
 * {@code {"alertId", "by", "note"?, "time"?}}. Anything else is refused with one line naming the field; values are
 * never repeated in a refusal.
 *
 * @param target  the alert by place; null when {@code alertId} names it
 * @param alertId the alert by id; null when {@code target} names it
 */
record AcknowledgeRequest(AcknowledgementService.Target target, String alertId, String by, String note,
                          Instant time) {

    /** The longest note, as for excursions (the temperature log's "actions taken"). */
    static final int NOTE_LENGTH = 500;

    private static final List<String> FIELDS = List.of("alertId", "bed", "by", "device", "metric", "note", "room",
            "time", "type", "ward");
    private static final Set<String> PLACE_FIELDS = Set.of("ward", "bed", "room", "device", "type", "metric");
    private static final Pattern SUBJECT = Pattern.compile("[a-z0-9_]{1,64}");
    /** AlertIds: 7 characters of Crockford base32. */
    private static final Pattern ALERT_ID = Pattern.compile("[0-9A-HJKMNP-TV-Z]{7}");

    /** @param now the time of a request without {@code time} */
    static AcknowledgeRequest read(JsonNode request, Instant now) {
        if (request == null || !request.isObject()) {
            throw new InvalidRequestException("the request must be a JSON object: ward, bed, room or device, type, "
                    + "metric, by, note, time; or alertId, by, note, time");
        }
        for (Iterator<String> it = request.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw new InvalidRequestException("unknown field " + shortened(field) + " (allowed: "
                        + String.join(", ", FIELDS) + ")");
            }
        }
        String by = strictText(request, "by");
        if (!StaffId.valid(by)) {
            throw new InvalidRequestException("by must be " + StaffId.RULE);
        }
        String note = strictText(request, "note");
        if (note != null && (note.isBlank() || note.length() > NOTE_LENGTH)) {
            throw new InvalidRequestException("note must be 1-" + NOTE_LENGTH + " characters");
        }
        Instant time = RequestFields.time(request, now, "2026-11-20T10:06:00Z");
        String alertId = strictText(request, "alertId");
        if (alertId != null) {
            for (String field : FIELDS) {
                if (PLACE_FIELDS.contains(field) && request.has(field)) {
                    throw new InvalidRequestException("alertId names the alert: " + field + " goes without it");
                }
            }
            String id = alertId.toUpperCase(Locale.ROOT);
            if (!ALERT_ID.matcher(id).matches()) {
                throw new InvalidRequestException("alertId must be an alert's id: 7 characters such as 7KQ2M9X");
            }
            return new AcknowledgeRequest(null, id, by, note, time);
        }
        return new AcknowledgeRequest(target(request), null, by, note, time);
    }

    private static AcknowledgementService.Target target(JsonNode request) {
        String ward = name(request, "ward");
        String typeName = strictText(request, "type");
        if (ward == null || typeName == null) {
            throw new InvalidRequestException("the alert is named by ward, bed, room or device, and type; "
                    + "or by alertId");
        }
        AlertType type = AlertType.of(typeName)
                .orElseThrow(() -> new InvalidRequestException("type must be one of " + AlertType.names()));
        List<String> places = List.of("bed", "room", "device").stream().filter(request::has).toList();
        if (places.size() != 1) {
            throw new InvalidRequestException("exactly one of bed, room or device says where the alert is");
        }
        if (!places.get(0).equals(type.placeField())) {
            throw new InvalidRequestException(type + " alerts are found by " + type.placeField() + ", not "
                    + places.get(0));
        }
        String field = type.placeField();
        String value = field.equals("device") ? strictText(request, field) : name(request, field);
        if (field.equals("device") && !ThingName.isValid(value)) {
            throw new InvalidRequestException("device must be a thing name: 1-128 of A-Z a-z 0-9 : _ -");
        }
        String place = AlertPlace.of(field, value);
        String metric = strictText(request, "metric");
        if (metric != null && !SUBJECT.matcher(metric).matches()) {
            throw new InvalidRequestException("metric must be a metric or condition code such as spo2 or battery");
        }
        return new AcknowledgementService.Target(ward, place, type.name(), metric);
    }

    /** A ward, bed or room: 1-64 letters, digits, spaces, dots, underscores and hyphens, starting with a letter or digit. */
    private static String name(JsonNode request, String field) {
        String value = strictText(request, field);
        if (value != null && !WardName.valid(value)) {
            throw new InvalidRequestException(field + " must be 1-64 of A-Z a-z 0-9 space . _ - (starting with a "
                    + "letter or digit)");
        }
        return value;
    }
}
