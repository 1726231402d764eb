package org.wardwatch.telemetry.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.wardwatch.emulator.MotoServer;
import org.wardwatch.telemetry.aws.DynamoDeviceRegistry;
import org.wardwatch.telemetry.aws.DynamoTelemetryStore;
import org.wardwatch.telemetry.aws.SnsAlertPublisher;
import org.wardwatch.telemetry.core.ColdChainSettings;
import org.wardwatch.telemetry.core.Envelope;
import org.wardwatch.telemetry.core.StorageProfile;
import org.wardwatch.telemetry.core.MessageValidator;
import org.wardwatch.telemetry.core.PayloadDecoder;
import org.wardwatch.telemetry.core.ThresholdTable;
import org.wardwatch.telemetry.lambda.StaffInbox;
import org.wardwatch.telemetry.lambda.Telemetry;
import org.wardwatch.telemetry.lambda.TestTenant;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * A function instance that dies after recording an alert but before publishing it: the retried invocation must
 * send that alert, once, and nothing else.
 */
class AlertOutboxRetryTest {

    @Test
    void crashBeforePublish_retrySendsThePendingAlertExactlyOnce() {
        TestTenant tenant = TestTenant.provision(MotoServer.shared().endpoint());
        tenant.registerDevice("or-oximeter", "pulse_oximeter", "HDU-2", "6");
        AtomicInteger failuresLeft = new AtomicInteger(1);
        try (SnsClient sns = SnsClient.builder().endpointOverride(tenant.endpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            SnsAlertPublisher real = new SnsAlertPublisher(sns, tenant.topicArn);
            AlertPublisher crashingOnce = alert -> {
                if (failuresLeft.getAndDecrement() > 0) {
                    throw new IllegalStateException("instance lost before publish");
                }
                return real.publish(alert);
            };
            TelemetryService service = new TelemetryService(TestTenant.ID,
                    new MessageValidator(TestTenant.ID, new PayloadDecoder(),
                            new DynamoDeviceRegistry(tenant.dynamo, TestTenant.DEVICES, Duration.ZERO)::find),
                    ThresholdTable.news2Defaults(), StorageProfile.defaults(), ColdChainSettings.DEFAULTS,
                    new DynamoTelemetryStore(tenant.dynamo, TestTenant.READINGS, TestTenant.QUARANTINE, Duration.ofDays(1),
                            Duration.ofDays(3)),
                    crashingOnce);
            Envelope envelope = new Envelope(TestTenant.ID, "or-oximeter", "or-oximeter", Telemetry.RECEIVED_AT);
            byte[] payload = Telemetry.payload("or-1", "2026-11-25T08:00:00Z",
                    Telemetry.reading("spo2", 90, "%")).getBytes(StandardCharsets.UTF_8);

            assertThatThrownBy(() -> service.process(envelope, payload)).hasMessageContaining("instance lost");
            TelemetryResult retried = service.process(envelope, payload);
            TelemetryResult redelivered = service.process(envelope, payload);

            assertThat(retried.outcome()).isEqualTo(TelemetryResult.Outcome.ACCEPTED);
            assertThat(retried.notifications()).isEqualTo(1);
            assertThat(redelivered.outcome()).isEqualTo(TelemetryResult.Outcome.DUPLICATE);
            assertThat(StaffInbox.forDevice("or-oximeter")).singleElement()
                    .satisfies(n -> assertThat(n.attributes()).containsEntry("transition", "OPENED")
                            .containsEntry("severity", "CRITICAL"));
        }
    }
}
