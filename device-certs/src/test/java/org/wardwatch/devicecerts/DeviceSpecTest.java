package org.wardwatch.devicecerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.device.TenantId;
import org.wardwatch.model.device.ThingName;
import org.wardwatch.model.tenant.TenantNames;

class DeviceSpecTest {

    private static final TenantId TENANT = TenantId.of("st-marys");

    @ParameterizedTest
    @ValueSource(strings = {"bed+1", "a/b", "ward#7", "with space", "", "caf\u00e9"})
    void thingNamesOutsideIotCoresRule_areRefused(String name) {
        assertThatThrownBy(() -> DeviceNames.thing(name))
                .isInstanceOf(InvalidDeviceException.class)
                .hasMessageContaining("invalid thing name");
    }

    @Test
    void thingNamesOfIotCoresAlphabetUpTo128Characters_areAccepted() {
        assertThat(ThingName.of("ward-7:bed_12-SpO2").value()).isEqualTo("ward-7:bed_12-SpO2");
        assertThat(ThingName.of("a".repeat(128)).value()).hasSize(128);
        assertThatThrownBy(() -> DeviceNames.thing("a".repeat(129))).isInstanceOf(InvalidDeviceException.class);
    }

    @Test
    void unknownKind_isRefusedWithTheKindsThatExist() {
        assertThatThrownBy(() -> DeviceNames.kind("toaster"))
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
                null, null, "vaccine_fridge")).hasMessageContaining("only a storage_sensor");

        DeviceSpec fridge = new DeviceSpec(TENANT, ThingName.of("fridge-1"), DeviceKind.STORAGE_SENSOR,
                "pharmacy", null, "ultra_low_freezer");
        assertThat(fridge.thingAttributes()).containsExactly(
                java.util.Map.entry("tenant", "st-marys"), java.util.Map.entry("kind", "storage_sensor"),
                java.util.Map.entry("ward", "pharmacy"), java.util.Map.entry("storageProfile", "ultra_low_freezer"));
    }

    @Test
    void tenantIds_becomeTopicLevelsAndNames_soOnlySafeCharactersPass() {
        assertThat(TenantNames.of(TENANT).telemetryTopic("bed-1")).isEqualTo("tenants/st-marys/devices/bed-1/telemetry");
        assertThat(TenantNames.of(TENANT).devicesTable()).isEqualTo("wardwatch-st-marys-devices");
        assertThat(TenantNames.of(TENANT).devicePolicy()).isEqualTo("wardwatch-st-marys-device");
        assertThatThrownBy(() -> DeviceNames.tenant("St Marys")).isInstanceOf(InvalidDeviceException.class);
        assertThatThrownBy(() -> DeviceNames.tenant("a/+")).isInstanceOf(InvalidDeviceException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "-st-marys", "st-marys-", "a23456789012345678901234567890123"})
    void tenantIdsOutsideTheOneRule_areRefusedWithTheRule(String id) {
        // the model's rule, the same as infra's: 3-32 characters, no hyphen at either end
        assertThatThrownBy(() -> DeviceNames.tenant(id))
                .isInstanceOf(InvalidDeviceException.class)
                .hasMessage("invalid tenant id '" + id + "': use 3-32 characters of a-z, 0-9 and '-', starting and "
                        + "ending with a letter or digit");
    }

    @Test
    void tenantIdsOfThreeAndOfThirtyTwoCharacters_areAccepted() {
        assertThat(DeviceNames.tenant("st1").value()).isEqualTo("st1");
        assertThat(DeviceNames.tenant("a".repeat(32)).value()).hasSize(32);
    }

    @Test
    void tenantStorageProfile_isAccepted_butNotANameThatCouldReachAKeyOrTopic() {
        assertThat(DeviceNames.storageProfile("blood_fridge")).isEqualTo("blood_fridge");
        assertThatThrownBy(() -> DeviceNames.storageProfile("Blood Fridge#1"))
                .isInstanceOf(InvalidDeviceException.class).hasMessageContaining("is not a profile name");
        assertThatThrownBy(() -> new DeviceSpec(TENANT, ThingName.of("fridge-1"), DeviceKind.STORAGE_SENSOR,
                null, null, "Blood Fridge#1")).isInstanceOf(InvalidDeviceException.class)
                .hasMessageContaining("is not a profile name");
    }
}
