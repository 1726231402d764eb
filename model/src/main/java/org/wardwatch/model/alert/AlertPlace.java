package org.wardwatch.model.alert;

/**
 * Where staff find an alert, as its record names it ({@code place}): {@code bed <bed>} for a bed's alerts,
 * {@code room <room>} for a room's, else the device's thing name. Written by the functions' alert recorder, read
 * by acknowledgements (by {@link AlertType#placeField()}), the escalation notifications and the staff API.
 */
public final class AlertPlace {

    private static final String BED = "bed ";
    private static final String ROOM = "room ";

    private AlertPlace() {
    }

    public static String bed(String bed) {
        return BED + bed;
    }

    public static String room(String room) {
        return ROOM + room;
    }

    /** The place named by a request's {@code bed}, {@code room} or {@code device} field and its value. */
    public static String of(String field, String value) {
        return switch (field) {
            case "bed" -> bed(value);
            case "room" -> room(value);
            case "device" -> value;
            default -> throw new IllegalArgumentException("a place is a bed, a room or a device, not " + field);
        };
    }

    /** The bed of a {@code bed <bed>} place; null for any other. */
    public static String bedOf(String place) {
        return place != null && place.startsWith(BED) ? place.substring(BED.length()) : null;
    }

    /** The room of a {@code room <room>} place; null for any other. */
    public static String roomOf(String place) {
        return place != null && place.startsWith(ROOM) ? place.substring(ROOM.length()) : null;
    }
}
