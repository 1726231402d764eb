package org.wardwatch.functions.aws;

import java.util.LinkedHashMap;
import java.util.Map;
import org.wardwatch.functions.service.AlertPublisher;
import org.wardwatch.functions.service.OutgoingAlert;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Publishes alerts to the tenant's SNS alert topic, one document per protocol. Each attribute is a
 * {@code String}, but those of {@link OutgoingAlert#ARRAY_ATTRIBUTES} ({@code tier}), which are
 * {@code String.Array}: a subscription's filter {@code {"tier":["2"]}} matches a message whose array holds "2".
 */
public final class SnsAlertPublisher implements AlertPublisher {

    private final SnsClient sns;
    private final String topicArn;

    public SnsAlertPublisher(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public String publish(OutgoingAlert alert) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        alert.attributes().forEach((name, value) -> attributes.put(name,
                MessageAttributeValue.builder()
                        .dataType(OutgoingAlert.ARRAY_ATTRIBUTES.contains(name) ? "String.Array" : "String")
                        .stringValue(value).build()));
        return sns.publish(PublishRequest.builder()
                .topicArn(topicArn)
                .messageStructure("json")
                .message(alert.message())
                .subject(alert.subject())
                .messageAttributes(attributes)
                .build()).messageId();
    }
}
