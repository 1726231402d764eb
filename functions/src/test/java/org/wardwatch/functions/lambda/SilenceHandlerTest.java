package org.wardwatch.functions.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.wardwatch.functions.core.Envelope;
import org.wardwatch.functions.service.MotoTelemetry;
import org.wardwatch.functions.service.TelemetryResult;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The scheduled silence check: silent devices warn once, and resolve when they report again. */
@QuarkusTest
@QuarkusTestResource(EmulatorResource.class)
@TestProfile(SilenceHandlerTest.SilenceFunction.class)
class SilenceHandlerTest {

    static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2026-11-25T12:00:00Z"));

    public static class SilenceFunction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "silence");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(TestClock.class);
        }
    }

    /** The check's "now", set by the test. */
    @Alternative
    @Singleton
    public static class TestClock {
        @Produces
        @Singleton
        Clock clock() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return NOW.get();
                }
            };
        }
    }

    private final TestTenant tenant = TestTenant.get();

    /** A latest-reading item as the telemetry function leaves it, received at {@code at}. */
    private void lastReading(String thing, String metric, Instant at) {
        tenant.dynamo.putItem(b -> b.tableName(TestTenant.READINGS).item(Map.of(
                "pk", AttributeValue.fromS("D#" + thing), "sk", AttributeValue.fromS("L#" + metric),
                "receivedAt", AttributeValue.fromS(at.toString()), "deviceTime", AttributeValue.fromS(at.toString()),
                "severity", AttributeValue.fromS("NONE"), "version", AttributeValue.fromN("1"))));
    }

    private JsonPath check(Instant now) {
        NOW.set(now);
        return given().contentType(ContentType.JSON).body("{\"source\":\"aws.scheduler\"}").when().post().then()
                .statusCode(200).extract().jsonPath();
    }

    private int messages;

    /** A message of one reading of {@code metric}, taken and received at {@code at}, through the telemetry service. */
    private void reports(MotoTelemetry moto, String thing, String metric, Instant at) {
        String reading = switch (metric) {
            case "spo2" -> Telemetry.reading("spo2", 97, "%");
            case "heart_rate" -> Telemetry.reading("heart_rate", 72, "/min");
            default -> Telemetry.reading("storage_temperature", 5.0, "Cel");
        };
        TelemetryResult result = moto.service().process(new Envelope(TestTenant.ID, thing, thing, at),
                Telemetry.payload("sl-" + ++messages, at.toString(), reading).getBytes(StandardCharsets.UTF_8));
        assertThat(result.outcome()).isEqualTo(TelemetryResult.Outcome.ACCEPTED);
    }

    /**
     * The devices' latest readings are what the telemetry function wrote. The check covers every device of the
     * tenant's (shared) registry, other test classes' too, so its counts are not asserted here but in
     * SilenceOutboxRetryTest, whose check sees only its own devices: here, only what each of this test's devices
     * received.
     */
    @Test
    void silentDevice_warnsOnce_andResolvesWhenItReportsAgain_inactiveAndNeverSeenAreNotFlagged() {
        Instant t0 = Instant.parse("2026-11-25T12:00:00Z");
        tenant.registerDevice("sl-oximeter", "pulse_oximeter", "ICU-4", "1");
        tenant.registerDevice("sl-revoked", "pulse_oximeter", "ICU-4", "2");
        tenant.registerDevice("sl-never", "pulse_oximeter", "ICU-4", "3");
        tenant.registerStorageSensor("sl-fridge", "Pharmacy", "vaccine_fridge");
        try (MotoTelemetry moto = new MotoTelemetry()) {
            reports(moto, "sl-oximeter", "spo2", t0);
            reports(moto, "sl-oximeter", "heart_rate", t0.minusSeconds(30));
            reports(moto, "sl-revoked", "spo2", t0.minusSeconds(3600));
            reports(moto, "sl-fridge", "storage_temperature", t0);
            tenant.registerDevice("sl-revoked", "pulse_oximeter", "ICU-4", "2", "INACTIVE", TestTenant.ID);

            check(t0.plusSeconds(180));
            check(t0.plusSeconds(181));
            check(t0.plusSeconds(240));
            reports(moto, "sl-oximeter", "spo2", t0.plusSeconds(300));
            check(t0.plusSeconds(310));
        }

        assertThat(StaffInbox.forDevice("sl-oximeter")).satisfiesExactly(
                opened -> {
                    assertThat(opened.attributes()).containsEntry("type", "DEVICE").containsEntry("transition", "OPENED")
                            .containsEntry("severity", "WARNING").containsEntry("ward", "ICU-4");
                    assertThat(opened.text("metric")).isEqualTo("silence");
                    assertThat(opened.text("sms")).contains("Device silent").contains("no reading for 3 min");
                },
                resolved -> assertThat(resolved.attributes()).containsEntry("transition", "RESOLVED"));
        assertThat(StaffInbox.forDevice("sl-revoked")).isEmpty();
        assertThat(StaffInbox.forDevice("sl-never")).isEmpty();
        assertThat(StaffInbox.forDevice("sl-fridge")).as("storage sensors report every 300 s").isEmpty();
    }

    private static io.restassured.response.ValidatableResponse checkAt(Instant clock, String eventTime) {
        NOW.set(clock);
        return given().contentType(ContentType.JSON)
                .body("{\"source\":\"aws.events\",\"detail-type\":\"Scheduled Event\",\"time\":\"" + eventTime
                        + "\",\"detail\":{}}")
                .when().post().then().statusCode(200);
    }

    /**
     * The clock says the oximeter has been silent for 200 s; the scheduled events say otherwise: at 100 s it is not
     * silent yet, an event 61 s after the clock is refused (no check runs), and at 190 s it is flagged, as of then.
     */
    @Test
    void theScheduledEventsTime_isTheChecksInstant_oneMoreThanAMinuteAfterTheClockIsRefused() {
        Instant t0 = Instant.parse("2026-11-27T09:00:00Z");
        Instant clock = t0.plusSeconds(200);
        tenant.registerDevice("sl-timed", "pulse_oximeter", "ICU-4", "7");
        lastReading("sl-timed", "spo2", t0);

        checkAt(clock, t0.plusSeconds(100).toString()).body("error", org.hamcrest.Matchers.nullValue());
        checkAt(clock, clock.plusSeconds(61).toString())
                .body("error", org.hamcrest.Matchers.equalTo("INVALID_REQUEST"))
                .body("message", org.hamcrest.Matchers.containsString("more than a minute after the clock"));
        checkAt(clock, "yesterday").body("error", org.hamcrest.Matchers.equalTo("INVALID_REQUEST"))
                .body("message", org.hamcrest.Matchers.containsString("ISO-8601"));
        checkAt(clock, t0.plusSeconds(190).toString()).body("opened", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        assertThat(StaffInbox.forDevice("sl-timed")).singleElement().satisfies(opened -> {
            assertThat(opened.attributes()).containsEntry("transition", "OPENED");
            assertThat(opened.text("deviceTime")).isEqualTo(t0.plusSeconds(190).toString());
            assertThat(opened.text("value")).isEqualTo("190");
        });
    }

    /** 60 oximeters are 120 latest-reading keys: more than one batch read (100 keys), and none may be missed. */
    @Test
    void moreDevicesThanOneBatchRead_everySilentOneIsFlagged() {
        Instant t0 = Instant.parse("2026-11-26T08:00:00Z");
        for (int i = 0; i < 60; i++) {
            String thing = "sl-many-" + i;
            tenant.registerDevice(thing, "pulse_oximeter", "ICU-6", Integer.toString(i));
            lastReading(thing, "spo2", t0);
            lastReading(thing, "heart_rate", t0.minusSeconds(5));
        }

        check(t0.plusSeconds(200));

        for (int i = 0; i < 60; i++) {
            assertThat(StaffInbox.forDevice("sl-many-" + i)).as("sl-many-" + i).singleElement()
                    .satisfies(alert -> assertThat(alert.attributes()).containsEntry("transition", "OPENED"));
        }
    }
}
