package org.wardwatch.functions.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.functions.service.MotoTelemetry.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wardwatch.functions.core.AlertLedger;
import org.wardwatch.functions.core.EscalationNotification;
import org.wardwatch.functions.core.EscalationNotification.Event;
import org.wardwatch.functions.lambda.Telemetry;
import org.wardwatch.model.escalation.EscalationPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The {@code tier} attribute on the emulator (functions/README.md, "Acknowledgement and escalation"): queues
 * subscribed to the tenant's alert topic with the filter policy {@code {"tier":["2"]}} (or {@code ["1"]}) stand
 * for tier 2's (tier 1's) contacts. Each test has its own ward and queues, and reads only its ward's messages.
 */
class TierSubscriptionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String ward = "TS-" + UUID.randomUUID().toString().substring(0, 6);

    /** A queue subscribed to the alert topic for one tier's contacts. */
    private static final class TierQueue implements AutoCloseable {
        private final MotoTelemetry moto;
        private final SnsClient sns;
        private final String url;
        private final String subscription;
        private final List<JsonNode> received = new ArrayList<>();

        TierQueue(MotoTelemetry moto, int tier) {
            this.moto = moto;
            this.sns = SnsClient.builder().endpointOverride(moto.tenant.endpoint)
                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
            this.url = moto.tenant.sqs.createQueue(b -> b.queueName("wardwatch-tier" + tier + "-"
                    + UUID.randomUUID().toString().substring(0, 8))).queueUrl();
            String arn = moto.tenant.sqs.getQueueAttributes(b -> b.queueUrl(url)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            this.subscription = sns.subscribe(b -> b.topicArn(moto.tenant.topicArn).protocol("sqs").endpoint(arn)
                    .attributes(java.util.Map.of("FilterPolicy", "{\"tier\":[\"" + tier + "\"]}")))
                    .subscriptionArn();
        }

        /** The SNS envelopes received so far about {@code ward}, in the order they arrived. */
        List<JsonNode> of(String ward) {
            while (true) {
                List<Message> batch = moto.tenant.sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                        .waitTimeSeconds(0)).messages();
                if (batch.isEmpty()) {
                    break;
                }
                for (Message m : batch) {
                    received.add(read(m.body()));
                    moto.tenant.sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
                }
            }
            return received.stream().filter(e -> ward.equals(document(e).path("ward").asText())).toList();
        }

        /** Polls until a message about {@code ward} with {@code transition} arrived; all about the ward then. */
        List<JsonNode> until(String ward, String transition) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (true) {
                List<JsonNode> got = of(ward);
                if (got.stream().anyMatch(e -> transition.equals(document(e).path("transition").asText()))
                        || Instant.now().isAfter(deadline)) {
                    return got;
                }
                try {
                    Thread.sleep(100); // polls a condition with a deadline
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return got;
                }
            }
        }

        @Override
        public void close() {
            sns.unsubscribe(b -> b.subscriptionArn(subscription));
            sns.close();
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("not an SNS envelope: " + body, e);
        }
    }

    private static JsonNode document(JsonNode envelope) {
        return read(envelope.get("Message").asText());
    }

    private static String transition(JsonNode envelope) {
        return document(envelope).get("transition").asText();
    }

    private static String tier(JsonNode envelope) {
        JsonNode tier = envelope.path("MessageAttributes").path("tier");
        return tier.path("Type").asText() + " " + tier.path("Value").asText();
    }

    /** The id of the alert whose OPENED reached {@code queue}. */
    private static String openedAlertId(TierQueue queue, String ward) {
        List<JsonNode> got = queue.until(ward, "OPENED");
        assertThat(got).as("the OPENED reached tier 1's queue").extracting(TierSubscriptionsTest::transition)
                .contains("OPENED");
        return document(got.get(0)).get("alertId").asText();
    }

    private static byte[] spo2(String id, String time, double value) {
        return Telemetry.payload(id, time, Telemetry.reading("spo2", value, "%")).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anAlertWhoseRecordReachedTier2_reachesTier2sQueue_oneThatPagedOnlyTier1DoesNot() {
        try (MotoTelemetry moto = new MotoTelemetry(); TierQueue tier1 = new TierQueue(moto, 1);
             TierQueue tier2 = new TierQueue(moto, 2)) {
            moto.tenant.registerDevice(ward + "-ox", "pulse_oximeter", ward, "12");
            TelemetryService service = moto.service(moto.store, moto.recording);
            service.process(envelope(ward + "-ox"), spo2("t-1", "2026-11-20T10:00:00Z", 85));
            String alertId = openedAlertId(tier1, ward);
            // Nobody acknowledged it for five minutes: the escalation check paged tier 2 (the record says so).
            AlertRecordStore.Stored stored = moto.records.find(alertId).orElseThrow();
            AlertLedger.Escalation escalated = AlertLedger.escalate(stored.record(), EscalationPolicy.defaults(),
                    Instant.parse("2026-11-20T10:05:00Z"));
            assertThat(escalated.record().highestTier()).isEqualTo(2);
            assertThat(moto.records.write(stored, escalated.record())).isTrue();

            service.process(envelope(ward + "-ox"), spo2("t-2", "2026-11-20T10:06:00Z", 97));

            assertThat(tier2.until(ward, "RESOLVED")).as("the OPENED went to tier 1 only")
                    .extracting(TierSubscriptionsTest::transition).containsExactly("RESOLVED");
            assertThat(tier2.of(ward)).extracting(TierSubscriptionsTest::tier)
                    .containsExactly("String.Array [\"1\",\"2\"]");
            assertThat(tier1.until(ward, "RESOLVED")).extracting(e -> transition(e) + " " + tier(e))
                    .containsExactly("OPENED String.Array [\"1\"]", "RESOLVED String.Array [\"1\",\"2\"]");
        }
    }

    @Test
    void aReminderGoesToTier1sQueue_anEscalationToTier2s_andTheAcknowledgementToBoth() {
        try (MotoTelemetry moto = new MotoTelemetry(); TierQueue tier1 = new TierQueue(moto, 1);
             TierQueue tier2 = new TierQueue(moto, 2)) {
            moto.tenant.registerDevice(ward + "-ox", "pulse_oximeter", ward, "4");
            moto.service(moto.store, moto.recording).process(envelope(ward + "-ox"),
                    spo2("e-1", "2026-11-20T10:00:00Z", 85));
            String alertId = openedAlertId(tier1, ward);
            AlertRenderer renderer = new AlertRenderer(java.time.ZoneOffset.UTC);
            var record = moto.records.find(alertId).orElseThrow().record();
            Instant opened = record.openedAt();

            // Published as the escalation and acknowledgement services publish: through the recording publisher.
            moto.recording.publish(renderer.render(new EscalationNotification("st-elsewhere", Event.REMINDER, record,
                    List.of(1), opened.plusSeconds(180), null, null), "S#r#0"));
            moto.recording.publish(renderer.render(new EscalationNotification("st-elsewhere",
                    Event.UNACKNOWLEDGED, record, List.of(2), opened.plusSeconds(300), null, null), "S#r#1"));
            moto.recording.publish(renderer.render(new EscalationNotification("st-elsewhere", Event.ACKNOWLEDGED,
                    record, List.of(1, 2), opened.plusSeconds(360), "nurse-0017", null), "A#r"));

            assertThat(tier2.until(ward, "ACKNOWLEDGED")).extracting(e -> transition(e) + " " + tier(e))
                    .containsExactly("UNACKNOWLEDGED String.Array [\"2\"]", "ACKNOWLEDGED String.Array [\"1\",\"2\"]");
            assertThat(tier1.until(ward, "ACKNOWLEDGED")).extracting(TierSubscriptionsTest::transition)
                    .containsExactly("OPENED", "REMINDER", "ACKNOWLEDGED");
            assertThat(moto.records.find(alertId).orElseThrow().record().timeline())
                    .as("the recorder records transitions only").hasSize(1);
        }
    }
}
