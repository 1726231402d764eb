package org.wardwatch.functions.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads bytes as one JSON object under the limits every wardwatch decoder applies (nesting 16, numbers of 64
 * characters, strings of 16 KB, names of 256), strictly: UTF-8 only, no field twice in an object, nothing after the
 * value. A failure is a message-level {@link Rejection} ({@code MALFORMED_JSON}, {@code DUPLICATE_FIELD},
 * {@code NOT_AN_OBJECT}) whose detail names positions, never the payload's values. Sizes are the caller's to check.
 */
public final class StrictJson {

    /** An object, or why the bytes are not one. */
    public sealed interface Parsed {

        record Valid(ObjectNode object) implements Parsed {
        }

        record Refused(Rejection rejection) implements Parsed {
        }
    }

    private final ObjectMapper mapper;

    public StrictJson() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(16)
                        .maxNumberLength(64)
                        .maxStringLength(16 * 1024)
                        .maxNameLength(256)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = new ObjectMapper(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    public Parsed parseObject(byte[] payload) {
        if (!isUtf8(payload)) {
            return refuse(RejectionReason.MALFORMED_JSON, "not UTF-8");
        }
        JsonNode root;
        try (JsonParser parser = mapper.createParser(payload)) {
            root = mapper.readTree(parser);
        } catch (JsonParseException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
                return refuse(RejectionReason.DUPLICATE_FIELD, "a field appears twice in one object" + at(e));
            }
            return refuse(RejectionReason.MALFORMED_JSON, "not valid JSON" + at(e));
        } catch (StreamConstraintsException e) {
            return refuse(RejectionReason.MALFORMED_JSON, "beyond decoder limits (nesting 16, number 64 digits, "
                    + "string 16384 chars)");
        } catch (NumberFormatException e) {
            // a JSON number Jackson cannot hold as a BigDecimal, e.g. 1e9999999999 (exponent beyond an int);
            // the exception's message repeats the number, so it stays out of the detail
            return refuse(RejectionReason.MALFORMED_JSON, "beyond decoder limits (a number's exponent)");
        } catch (IOException e) {
            // CharConversionException (not UTF-8), MismatchedInputException (trailing tokens), EOF
            return refuse(RejectionReason.MALFORMED_JSON,
                    "not valid UTF-8 JSON (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || root.isMissingNode()) {
            return refuse(RejectionReason.MALFORMED_JSON, "empty payload");
        }
        if (!root.isObject()) {
            return refuse(RejectionReason.NOT_AN_OBJECT, "the payload is a JSON "
                    + root.getNodeType().name().toLowerCase() + ", not an object");
        }
        return new Parsed.Valid((ObjectNode) root);
    }

    /**
     * Checked before Jackson sees the bytes, because Jackson is not strict about it: it guesses UTF-16 and UTF-32 from
     * a byte order mark or zero bytes among the first four and reads them, and it skips the UTF-8 check of a field
     * name it has seen before (2.21: {@code "deviceTi\xffme"} reads as {@code deviceTime} once a message has used
     * that name), so a warm function would accept what a cold one refuses. UTF-16 and UTF-32 byte order marks are not
     * UTF-8; without one, their ASCII text is, but a UTF-8 JSON text has no zero byte.
     */
    private static boolean isUtf8(byte[] payload) {
        for (int i = 0; i < Math.min(4, payload.length); i++) {
            if (payload[i] == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String at(JsonParseException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static Parsed refuse(RejectionReason reason, String detail) {
        return new Parsed.Refused(Rejection.ofMessage(reason, detail));
    }
}
