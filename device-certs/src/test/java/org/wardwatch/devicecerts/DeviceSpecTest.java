package org.wardwatch.devicecerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DeviceSpecTest {

    private static final TenantId TENANT = TenantId.of("st-marys");

    @ParameterizedTest
    @ValueSource(strings = {"bed+1", "a/b", "ward#7", "with space", "", "caf\u00e9"})
    void thingNamesOutsideIotCoresRule_areRefused(String name) {
        assertThatThrownBy(() -> ThingName.of(name))
                .isInstanceOf(InvalidDeviceException.class)
                .hasMessageContaining("invalid thing name");
    }

    @Test
    void thingNamesOfIotCoresAlphabetUpTo128Characters_areAccepted() {
        assertThat(ThingName.of("ward-7:bed_12-SpO2").value()).isEqualTo("ward-7:bed_12-SpO2");
        assertThat(ThingName.of("a".repeat(128)).value()).hasSize(128);
        assertThatThrownBy(() -> ThingName.of("a".repeat(129))).isInstanceOf(InvalidDeviceException.class);
    }

    @Test
    void unknownKind_isRefusedWithTheKindsThatExist() {
        assertThatThrownBy(() -> DeviceKind.parse("toaster"))
                .isInstanceOf(InvalidDeviceException.class)
                .hasMessageContaining("toaster")
                .hasMessageContaining("pulse_oximeter")
                .hasMessageContaining("storage_sensor");
    }

    @Test
    void storageSensor_needsAStorageProfile_andOtherKindsMustNotHaveOne() {
        assertThatThrownBy(() -> new DeviceSpec(TENANT, ThingName.of("fridge-1"), DeviceKind.STORAGE_SENSOR,
                null, null, null)).hasMessageContaining("needs a storage profile");
        assertThatThrownBy(() -> new DeviceSpec(TENANT, ThingName.of("bed-1"), DeviceKind.THERMOMETER,
                null, null, StorageProfile.VACCINE_FRIDGE)).hasMessageContaining("only a storage_sensor");

        DeviceSpec fridge = new DeviceSpec(TENANT, ThingName.of("fridge-1"), DeviceKind.STORAGE_SENSOR,
                "pharmacy", null, StorageProfile.ULTRA_LOW_FREEZER);
        assertThat(fridge.thingAttributes()).containsExactly(
                java.util.Map.entry("tenant", "st-marys"), java.util.Map.entry("kind", "storage_sensor"),
                java.util.Map.entry("ward", "pharmacy"), java.util.Map.entry("storageProfile", "ultra_low_freezer"));
    }

    @Test
    void tenantIds_becomeTopicLevelsAndNames_soOnlySafeCharactersPass() {
        assertThat(TenantId.of("st-marys").telemetryTopic(ThingName.of("bed-1")))
                .isEqualTo("tenants/st-marys/devices/bed-1/telemetry");
        assertThat(TenantId.of("st-marys").defaultDevicesTable()).isEqualTo("wardwatch-st-marys-devices");
        assertThatThrownBy(() -> TenantId.of("St Marys")).isInstanceOf(InvalidDeviceException.class);
        assertThatThrownBy(() -> TenantId.of("a/+")).isInstanceOf(InvalidDeviceException.class);
    }

    @org.junit.jupiter.api.Test
    void tenantStorageProfile_isAccepted_butNotANameThatCouldReachAKeyOrTopic() {
        assertThat(StorageProfile.parse("blood_fridge").wireName()).isEqualTo("blood_fridge");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StorageProfile.parse("Blood Fridge#1"))
                .isInstanceOf(InvalidDeviceException.class).hasMessageContaining("is not a profile name");
    }
}
