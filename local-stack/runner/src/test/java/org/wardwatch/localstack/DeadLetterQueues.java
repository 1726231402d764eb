package org.wardwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.wardwatch.localstack.tenant.TenantRule;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The stack's dead-letter queues (every rule's error action and its function's on-failure destination), emptied
 * before a test that counts or redrives them, so that another test's dead letters never count in its own.
 */
final class DeadLetterQueues {

    private DeadLetterQueues() {
    }

    /**
     * Deletes every message of every dead-letter queue of {@code stack}, once the pipeline is idle, and waits until
     * each reports none. Messages are received and deleted rather than purged: SQS allows one purge of a queue a
     * minute, and moto enforces it.
     */
    static void empty(LocalStack stack) throws InterruptedException {
        assertThat(stack.rules().awaitIdle(120, TimeUnit.SECONDS)).as("pipeline idle before emptying").isTrue();
        Set<String> queues = new LinkedHashSet<>();
        for (TenantRule rule : stack.tenant().rules()) {
            queues.add(rule.errorQueueUrl());
            queues.add(rule.target().onFailureQueueUrl());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (SqsClient sqs = SqsClient.builder().endpointOverride(stack.emulatorEndpoint())
                .region(Region.of(stack.tenant().region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            while (stack.deadLetters() > 0 && System.nanoTime() < deadline) {
                for (String url : queues) {
                    List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                            .waitTimeSeconds(0)).messages();
                    batch.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
                }
                // messages received by someone else come back once their visibility timeout ends
                Thread.sleep(50);
            }
        }
        assertThat(stack.deadLetters()).as("dead letters left after emptying the queues").isZero();
    }
}
