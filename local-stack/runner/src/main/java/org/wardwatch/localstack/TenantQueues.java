package org.wardwatch.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.wardwatch.localstack.tenant.LocalTenant;
import org.wardwatch.localstack.tenant.TenantRule;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** What the tenant stack's queues hold: the staff inbox, the error queues and the on-failure destinations. */
final class TenantQueues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final LocalTenant tenant;

    TenantQueues(SqsClient sqs, LocalTenant tenant) {
        this.sqs = sqs;
        this.tenant = tenant;
    }

    /**
     * Reads everything in the staff inbox, first waiting up to {@code waitSeconds} for a message to arrive (SQS
     * long polling: the receive returns as soon as one is there, so a notification is read when it arrives rather
     * than at the next poll).
     */
    List<LocalStack.StaffMessage> drainStaffInbox(int waitSeconds) {
        List<LocalStack.StaffMessage> messages = new ArrayList<>();
        int wait = waitSeconds;
        while (true) {
            int thisWait = wait;
            wait = 0;
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(tenant.staffQueueUrl())
                    .maxNumberOfMessages(10).waitTimeSeconds(thisWait)).messages();
            if (batch.isEmpty()) {
                return messages;
            }
            long now = System.currentTimeMillis();
            for (Message m : batch) {
                try {
                    JsonNode envelope = JSON.readTree(m.body());
                    messages.add(new LocalStack.StaffMessage(JSON.readTree(envelope.get("Message").asText()), now));
                } catch (IOException e) {
                    throw new UncheckedIOException("the staff inbox got something that is not an alert", e);
                }
                sqs.deleteMessage(b -> b.queueUrl(tenant.staffQueueUrl()).receiptHandle(m.receiptHandle()));
            }
        }
    }

    /** Messages waiting in the rules' error action queues and their functions' on-failure destinations. */
    int deadLetters() {
        Set<String> queues = new LinkedHashSet<>();
        for (TenantRule rule : tenant.rules()) {
            queues.add(rule.errorQueueUrl());
            queues.add(rule.target().onFailureQueueUrl());
        }
        return queues.stream().mapToInt(this::count).sum();
    }

    /** The bodies waiting in the function's on-failure destination, left in place. */
    List<String> onFailureRecords() {
        List<String> bodies = new ArrayList<>();
        sqs.receiveMessage(b -> b.queueUrl(tenant.onFailureQueueUrl()).maxNumberOfMessages(10)
                .visibilityTimeout(0).waitTimeSeconds(0)).messages().forEach(m -> bodies.add(m.body()));
        return bodies;
    }

    private int count(String queueUrl) {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes().values().stream().mapToInt(Integer::parseInt).sum() + "");
    }
}
