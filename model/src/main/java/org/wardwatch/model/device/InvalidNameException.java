package org.wardwatch.model.device;

/** A tenant id, thing name or storage profile name that breaks its rule; the message says the rule. */
public class InvalidNameException extends IllegalArgumentException {

    public InvalidNameException(String message) {
        super(message);
    }

    /** A value fit for a one-line message: control characters replaced, at most 60 characters. */
    public static String printable(String value) {
        if (value == null) {
            return "";
        }
        String shown = value.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 60 ? shown.substring(0, 60) + "..." : shown;
    }
}
