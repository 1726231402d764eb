package org.wardwatch.functions.core;

import org.wardwatch.model.reading.Metric;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * Short alert ids staff can read out on the phone: 7 characters of Crockford base32, derived from what opened
 * the alert, so a redelivered message gives the same id.
 */
public final class AlertIds {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private AlertIds() {
    }

    public static String of(String tenantId, String thingName, Metric metric, Instant openedAt) {
        return of(tenantId, thingName, metric.code(), openedAt);
    }

    /** The id of a bed's alert on {@code subject} (a metric code, or NEWS2's): the bed's episode, not a device's. */
    public static String ofBed(String tenantId, String ward, String bed, String subject, Instant openedAt) {
        return of(tenantId, "bed " + ward + "#" + bed, subject, openedAt);
    }

    /** The id of an alert on {@code subject}: a metric code or a device condition ({@code battery}, {@code silence}). */
    public static String of(String tenantId, String thingName, String subject, Instant openedAt) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(
                    (tenantId + '\n' + thingName + '\n' + subject + '\n' + openedAt)
                            .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (digest[i] & 0xff);
        }
        char[] id = new char[7];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[(int) ((bits >>> (64 - 5 * (i + 1))) & 31)];
        }
        return new String(id);
    }
}
