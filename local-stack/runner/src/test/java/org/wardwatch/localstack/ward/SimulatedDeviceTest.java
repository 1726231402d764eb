package org.wardwatch.localstack.ward;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.device.Isolation;
import org.wardwatch.model.reading.Metric;

class SimulatedDeviceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode readings(SimulatedDevice device, double progress) throws Exception {
        return JSON.readTree("[" + device.readings(progress, new Random(7)) + "]");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DeviceKind.class)
    void everyKind_sendsEveryMetricItMeasures_inItsCanonicalUnit_withinWhatIsPossible(DeviceKind kind)
            throws Exception {
        SimulatedDevice device = new SimulatedDevice("d-1", kind, "ICU-3", null,
                kind.needsStorageProfile() ? "vaccine_fridge" : null, SimulatedDevice.Behaviour.STEADY);

        List<String> sent = new ArrayList<>();
        for (JsonNode reading : readings(device, 0.5)) {
            Metric metric = Metric.fromCode(reading.path("metric").asText()).orElseThrow();
            sent.add(metric.code());
            if (!metric.isBoolean()) {
                assertThat(reading.path("unit").asText()).isEqualTo(metric.canonicalUnit());
                assertThat(metric.isPossible(reading.path("value").asDouble())).as(reading.toString()).isTrue();
            }
        }
        assertThat(sent).containsExactlyElementsOf(kind.metrics().stream().map(Metric::code).toList());
    }

    @Test
    void theIsolationRoom_holdsNegativePressure_untilItsDoorIsProppedOpen_thenLosesIt() throws Exception {
        SimulatedDevice room = SimulatedDevice.ward(SimulatedDevice.DEFAULT_COUNT).stream().filter(d -> d.isolation() == Isolation.NEGATIVE)
                .findFirst().orElseThrow();

        assertThat(pressure(room, 0.1)).isLessThan(-4.0);
        assertThat(pressure(room, 0.9)).isGreaterThan(0.0);
    }

    @Test
    void theDefaultWard_hasTwoRooms_oneOfThemAnIsolationRoom() {
        List<SimulatedDevice> rooms = SimulatedDevice.ward(31).stream().filter(d -> d.room() != null).toList();

        assertThat(rooms).extracting(SimulatedDevice::isolation).containsExactly(Isolation.NEGATIVE, Isolation.NONE);
        assertThat(SimulatedDevice.ward(31)).hasSize(31);
        assertThat(SimulatedDevice.DEFAULT_COUNT).isEqualTo(31);
    }

    @Test
    void theDeterioratingPatientsBed_hasThreeSourcesOfHeartRate_andTwoOfSpo2_aCardiacMonitorAmongThem() {
        List<SimulatedDevice> bed4 = SimulatedDevice.ward(31).stream()
                .filter(d -> "ICU-3".equals(d.ward()) && "4".equals(d.bed())).toList();

        assertThat(bed4).extracting(SimulatedDevice::kind)
                .containsExactly(DeviceKind.PULSE_OXIMETER, DeviceKind.BP_MONITOR, DeviceKind.CARDIAC_MONITOR);
        assertThat(bed4).allMatch(d -> d.behaviour() == SimulatedDevice.Behaviour.DETERIORATING);
        assertThat(bed4.stream().filter(d -> d.kind().metrics().contains(Metric.HEART_RATE))).hasSize(3);
        assertThat(bed4.stream().filter(d -> d.kind().metrics().contains(Metric.SPO2))).hasSize(2);
    }

    @Test
    void aLargerWard_addsBeds_ofTwoDevicesEach() {
        List<SimulatedDevice> ward = SimulatedDevice.ward(41);

        assertThat(ward).hasSize(41);
        assertThat(ward).extracting(SimulatedDevice::thing).doesNotHaveDuplicates().contains("icu3-bed17-bp");
    }

    private static double pressure(SimulatedDevice room, double progress) throws Exception {
        for (JsonNode reading : readings(room, progress)) {
            if (reading.path("metric").asText().equals("differential_pressure")) {
                return reading.path("value").asDouble();
            }
        }
        throw new AssertionError("no pressure");
    }
}
