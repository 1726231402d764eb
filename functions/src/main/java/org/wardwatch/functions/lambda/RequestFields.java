package org.wardwatch.functions.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** How an operator's JSON request's fields are read ({@link AdmissionRequest}, {@link AcknowledgeRequest}). */
final class RequestFields {

    private RequestFields() {
    }

    /** The request is not one the handler reads; the message says which field and what it must be. */
    static final class InvalidRequestException extends RuntimeException {
        InvalidRequestException(String message) {
            super(message);
        }
    }

    /** The field's text; null when it is absent or null; refused when it is not a string. */
    static String text(JsonNode request, String field) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidRequestException(field + " must be a string");
        }
        return node.asText();
    }

    /** The field's text; null when it is absent; refused when it is anything but a string, JSON null included. */
    static String strictText(JsonNode request, String field) {
        JsonNode node = request.get(field);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidRequestException(field + " must be a string");
        }
        return node.asText();
    }

    /** The request's {@code time}, {@code now} when it has none; {@code example} is what the error shows. */
    static Instant time(JsonNode request, Instant now, String example) {
        String text = text(request, "time");
        if (text == null) {
            return now;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("time must be an ISO-8601 UTC time such as " + example);
        }
    }

    /** A field's name as an error repeats it: at most 40 characters (it is the caller's text). */
    static String shortened(String field) {
        return field.length() <= 40 ? field : field.substring(0, 40) + "...";
    }
}
