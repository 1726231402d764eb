package org.wardwatch.devicecerts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.device.Isolation;
import org.wardwatch.model.device.TenantId;
import org.wardwatch.model.device.ThingName;

/**
 * What the fleet knows about one device: its thing name, kind and place. A storage sensor has a storage profile;
 * no other kind may have one. A kind {@linkplain DeviceKind#placedInRoom() placed in a room} is placed by ward and
 * room, and may say the room's isolation; no other kind has a room or an isolation.
 *
 * @param ward           optional ward, e.g. {@code ward-7}; required for a room sensor
 * @param bed            optional bed within the ward; none for a room sensor
 * @param storageProfile the name of a storage profile ({@link DeviceNames#storageProfile}): required for a kind that
 *                       {@linkplain DeviceKind#needsStorageProfile() needs one}, null otherwise
 * @param room           required for a room sensor, null otherwise
 * @param isolation      a room sensor's optional {@code negative} (airborne isolation) or {@code positive}
 *                       (protective environment) ({@link Isolation#codes()}); null for an ordinary room and other
 *                       kinds
 */
public record DeviceSpec(TenantId tenant, ThingName thing, DeviceKind kind, String ward, String bed,
                         String storageProfile, String room, String isolation) {

    /** IoT thing attribute values allow a little more; these also stay safe in CSV and in a DynamoDB key. */
    private static final Pattern PLACE = Pattern.compile("[a-zA-Z0-9_.@:=-]{1,64}");

    public DeviceSpec {
        if (tenant == null || thing == null || kind == null) {
            throw new InvalidDeviceException("a device needs a tenant, a thing name and a kind");
        }
        ward = place("ward", ward);
        bed = place("bed", bed);
        storageProfile = storageProfile == null ? null : DeviceNames.storageProfile(storageProfile);
        if (kind.needsStorageProfile() && storageProfile == null) {
            throw new InvalidDeviceException("a storage_sensor needs a storage profile (vaccine_fridge, "
                    + "vaccine_freezer or ultra_low_freezer)");
        }
        if (!kind.needsStorageProfile() && storageProfile != null) {
            throw new InvalidDeviceException("only a storage_sensor has a storage profile, not a " + kind.code());
        }
        room = place("room", room);
        isolation = isolation == null || isolation.isEmpty() ? null : isolation;
        if (kind.placedInRoom() && (ward == null || room == null || bed != null)) {
            throw new InvalidDeviceException("a " + kind.code() + " sensor is placed by ward and room (no bed)");
        }
        if (!kind.placedInRoom() && (room != null || isolation != null)) {
            throw new InvalidDeviceException("only a room_environment sensor has a room or an isolation, not a "
                    + kind.code());
        }
        if (isolation != null && Isolation.fromCode(isolation).isEmpty()) {
            throw new InvalidDeviceException("invalid isolation '" + DeviceNames.printable(isolation)
                    + "': negative (airborne isolation) or positive (protective environment)");
        }
    }

    /** A device without a room. */
    public DeviceSpec(TenantId tenant, ThingName thing, DeviceKind kind, String ward, String bed,
                      String storageProfile) {
        this(tenant, thing, kind, ward, bed, storageProfile, null, null);
    }

    private static String place(String what, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!PLACE.matcher(value).matches()) {
            throw new InvalidDeviceException("invalid " + what + " '" + DeviceNames.printable(value)
                    + "': use 1-64 characters from a-z A-Z 0-9 _ . @ : = -");
        }
        return value;
    }

    public Optional<String> wardIfAny() {
        return Optional.ofNullable(ward);
    }

    public Optional<String> bedIfAny() {
        return Optional.ofNullable(bed);
    }

    public Optional<String> storageProfileIfAny() {
        return Optional.ofNullable(storageProfile);
    }

    /** The IoT thing attributes, in a fixed order; absent optional values are left out. */
    public Map<String, String> thingAttributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("tenant", tenant.value());
        attributes.put("kind", kind.code());
        wardIfAny().ifPresent(w -> attributes.put("ward", w));
        bedIfAny().ifPresent(b -> attributes.put("bed", b));
        storageProfileIfAny().ifPresent(p -> attributes.put("storageProfile", p));
        if (room != null) {
            attributes.put("room", room);
        }
        if (isolation != null) {
            attributes.put("isolation", isolation);
        }
        return attributes;
    }
}
