package org.wardwatch.devicecerts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.wardwatch.model.device.TenantId;

/**
 * The AWS IoT policy every device of a tenant gets, from the resource {@value #RESOURCE} (shared with infra and
 * the local broker). A device may connect only with its own thing name as client id and publish only to its own
 * telemetry topic; it may not subscribe, receive, or touch shadows, jobs or other devices' topics.
 */
public final class DevicePolicy {

    /** Classpath resource with {@code {region}}, {@code {account}} and {@code {tenant}} placeholders. */
    public static final String RESOURCE = "/org/wardwatch/devicecerts/tenant-device-policy.json";

    private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");

    private DevicePolicy() {
    }

    /** The template as stored, placeholders included. */
    public static String template() {
        try (InputStream in = DevicePolicy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The policy document for one tenant in one account and region. */
    public static String document(String region, String account, TenantId tenant) {
        if (!REGION.matcher(region).matches() || !ACCOUNT.matcher(account).matches()) {
            throw new IllegalArgumentException("bad region or account id for the device policy");
        }
        return template().replace("{region}", region).replace("{account}", account).replace("{tenant}", tenant.value());
    }

    /** Whether two policy documents are the same text apart from white space (AWS may reformat what it stores). */
    static boolean sameDocument(String a, String b) {
        return a.replaceAll("\\s", "").equals(b.replaceAll("\\s", ""));
    }
}
