package org.wardwatch.functions.aws;

import static org.wardwatch.functions.aws.Keys.PK;
import static org.wardwatch.functions.aws.Keys.SK;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.wardwatch.functions.core.Envelope;
import org.wardwatch.functions.core.PayloadDecoder;
import org.wardwatch.functions.service.QuarantineEntry;
import org.wardwatch.model.tenant.TableIndexes;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A quarantine table item (functions/README.md, "Tables" and "Validation and reason codes"): {@code pk}
 * {@code D#<thing>}, {@code sk} {@code Q#<receivedAt>#<first 16 hex of the payload's SHA-256>#<m|r<index>>}, so the
 * same rejection of the same bytes received at the same time is one item however often it is written; the reason,
 * a detail, the envelope, and the payload's first 128 KB with its size and digest.
 *
 * <p>Written by both the telemetry and the presence stores.
 */
final class QuarantineItems {

    private QuarantineItems() {
    }

    static Map<String, AttributeValue> item(QuarantineEntry entry, Duration retention) {
        Envelope envelope = entry.envelope();
        byte[] payload = entry.payload();
        String digest = sha256(payload);
        String position = entry.rejection().readingIndex() == null ? "m" : "r" + entry.rejection().readingIndex();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(Keys.device(envelope.thingName())));
        item.put(SK, AttributeValue.fromS("Q#" + Keys.time(envelope.receivedAt()) + "#" + digest.substring(0, 16)
                + "#" + position));
        item.put(TableIndexes.REASON, AttributeValue.fromS(entry.rejection().reason().name()));
        item.put("detail", AttributeValue.fromS(entry.rejection().detail()));
        item.put("level", AttributeValue.fromS(entry.rejection().isMessageLevel() ? "MESSAGE" : "READING"));
        if (entry.rejection().readingIndex() != null) {
            item.put("readingIndex", AttributeValue.fromN(Integer.toString(entry.rejection().readingIndex())));
        }
        if (entry.messageId() != null) {
            item.put("messageId", AttributeValue.fromS(entry.messageId()));
        }
        putIfPresent(item, "thingName", envelope.thingName());
        putIfPresent(item, "clientId", envelope.clientId());
        putIfPresent(item, "tenantId", envelope.tenantId());
        item.put("receivedAt", AttributeValue.fromS(Keys.time(envelope.receivedAt())));
        // Oversized payloads keep their first 128 KB: enough to examine, within DynamoDB's 400 KB item limit.
        int kept = Math.min(payload.length, PayloadDecoder.MAX_PAYLOAD_BYTES);
        item.put("payload", AttributeValue.fromB(SdkBytes.fromByteArray(Arrays.copyOf(payload, kept))));
        item.put("payloadBytes", AttributeValue.fromN(Integer.toString(payload.length)));
        item.put("payloadSha256", AttributeValue.fromS(digest));
        item.put("payloadTruncated", AttributeValue.fromBool(kept < payload.length));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(
                envelope.receivedAt().plus(retention).getEpochSecond())));
        return item;
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null && !value.isEmpty()) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
