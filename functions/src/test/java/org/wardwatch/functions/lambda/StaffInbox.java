package org.wardwatch.functions.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * What staff received: the SQS queue subscribed to the alert topic, read through SNS's envelope. Messages of
 * all tests arrive in one queue; each test asks for its own device's.
 */
public final class StaffInbox {

    /** One notification as a subscriber sees it. */
    public record Notification(JsonNode document, Map<String, String> attributes, String subject) {

        public String text(String field) {
            JsonNode node = document.get(field);
            return node == null || node.isNull() ? null : node.asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Notification> RECEIVED = new ArrayList<>();

    private StaffInbox() {
    }

    /** Everything received so far for this device, in device-time order. */
    public static synchronized List<Notification> forDevice(String device) {
        drain();
        return RECEIVED.stream().filter(n -> device.equals(n.text("device")))
                .sorted(Comparator.comparing(n -> n.text("deviceTime")))
                .toList();
    }

    /** Everything received so far about this bed (any device, any type), in device-time order. */
    public static synchronized List<Notification> forBed(String ward, String bed) {
        drain();
        return RECEIVED.stream().filter(n -> ward.equals(n.text("ward")) && bed.equals(n.text("bed")))
                .sorted(Comparator.comparing(n -> n.text("deviceTime")))
                .toList();
    }

    /**
     * Everything received so far about this alert (its transitions, reminders, escalations, acknowledgement), in
     * the order received.
     */
    public static synchronized List<Notification> forAlert(String alertId) {
        drain();
        return RECEIVED.stream().filter(n -> alertId.equals(n.text("alertId"))).toList();
    }

    private static void drain() {
        TestTenant tenant = TestTenant.get();
        while (true) {
            List<Message> batch = tenant.sqs.receiveMessage(b -> b.queueUrl(tenant.staffQueueUrl)
                    .maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            if (batch.isEmpty()) {
                return;
            }
            for (Message message : batch) {
                RECEIVED.add(parse(message.body()));
                tenant.sqs.deleteMessage(b -> b.queueUrl(tenant.staffQueueUrl).receiptHandle(message.receiptHandle()));
            }
        }
    }

    private static Notification parse(String body) {
        try {
            JsonNode envelope = JSON.readTree(body);
            Map<String, String> attributes = new LinkedHashMap<>();
            JsonNode attrs = envelope.get("MessageAttributes");
            if (attrs != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = attrs.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    attributes.put(e.getKey(), e.getValue().get("Value").asText());
                }
            }
            JsonNode subject = envelope.get("Subject");
            return new Notification(JSON.readTree(envelope.get("Message").asText()), attributes,
                    subject == null || subject.isNull() ? null : subject.asText());
        } catch (Exception e) {
            throw new IllegalStateException("the staff queue got something that is not an SNS notification", e);
        }
    }
}
