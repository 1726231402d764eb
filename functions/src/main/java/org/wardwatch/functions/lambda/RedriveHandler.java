package org.wardwatch.functions.lambda;

import org.wardwatch.model.tenant.Handler;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import org.wardwatch.functions.service.PresenceResult;
import org.wardwatch.functions.service.TelemetryResult;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The {@code redrive} handler: once a fault is fixed, replays what the dead-letter queues hold (the functions'
 * on-failure destination and the topic rules' error action) through the same ingest path: telemetry through the
 * telemetry code, IoT lifecycle events through the presence code. A message is deleted only after it was processed;
 * processing is idempotent, so a replayed message stores and sends nothing twice.
 * Invoke it by hand ({@code aws lambda invoke}), with {@code {"maxMessages": N}} or an empty object.
 */
@Named(Handler.Names.REDRIVE)
public class RedriveHandler implements RequestHandler<RedriveHandler.Request, RedriveHandler.Result> {

    private static final Logger LOG = Logger.getLogger(RedriveHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param maxMessages the most messages to replay in one invocation (default 1,000) */
    @RegisterForReflection
    public static class Request {
        public Integer maxMessages;
    }

    /**
     * What was replayed: counts by outcome (telemetry's in {@code outcomes}, lifecycle events' in
     * {@code presenceOutcomes}), and what could not be.
     */
    @RegisterForReflection
    public static class Result {
        public int received;
        public int redriven;
        public int failed;
        public int unrecognized;
        public Map<String, Integer> outcomes = new TreeMap<>();
        public Map<String, Integer> presenceOutcomes = new TreeMap<>();
    }

    @Inject
    TelemetryIngest ingest;

    @Inject
    PresenceIngest presence;

    @Inject
    SqsClient sqs;

    @Inject
    WardwatchConfig config;

    @Override
    public Result handleRequest(Request request, Context context) {
        int max = request == null || request.maxMessages == null ? 1000 : Math.max(1, request.maxMessages);
        Result result = new Result();
        List<String> queues = new ArrayList<>();
        config.failureQueueUrl().ifPresent(queues::add);
        config.ruleErrorQueueUrl().ifPresent(queues::add);
        if (queues.isEmpty()) {
            throw new IllegalStateException("no dead-letter queue configured (WARDWATCH_FAILURE_QUEUE_URL, "
                    + "WARDWATCH_RULE_ERROR_QUEUE_URL)");
        }
        for (String queue : queues) {
            while (result.received < max) {
                int wanted = Math.min(10, max - result.received);
                List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(wanted)
                        .waitTimeSeconds(0).visibilityTimeout(300)
                        .messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP)).messages();
                if (batch.isEmpty()) {
                    break;
                }
                for (Message message : batch) {
                    result.received++;
                    redrive(queue, message, result);
                }
            }
        }
        LOG.infof("redrive: received %d, redriven %d, failed %d, unrecognized %d", result.received, result.redriven,
                result.failed, result.unrecognized);
        return result;
    }

    private void redrive(String queue, Message message, Result result) {
        Optional<DeadLetter.Replay> replay;
        try {
            long sentAt = Long.parseLong(message.attributes().getOrDefault(MessageSystemAttributeName.SENT_TIMESTAMP,
                    Long.toString(System.currentTimeMillis())));
            JsonNode record = JSON.readTree(message.body());
            replay = record == null ? Optional.empty() : DeadLetter.read(record, sentAt);
        } catch (IOException | NumberFormatException e) {
            replay = Optional.empty();
        }
        if (replay.isEmpty()) {
            result.unrecognized++;
            return;
        }
        try {
            if (replay.get() instanceof DeadLetter.Replay.Presence event) {
                PresenceResult outcome = presence.ingest(event.event(), event.topic());
                sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(message.receiptHandle()));
                result.presenceOutcomes.merge(outcome.outcome().name(), 1, Integer::sum);
            } else {
                TelemetryResult outcome = ingest.ingest(((DeadLetter.Replay.Telemetry) replay.get()).event());
                sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(message.receiptHandle()));
                result.outcomes.merge(outcome.outcome().name(), 1, Integer::sum);
            }
            result.redriven++;
        } catch (RuntimeException e) {
            // left in the queue; it becomes visible again after the visibility timeout
            result.failed++;
            LOG.warnf("redrive of a dead letter failed: %s", e.getClass().getSimpleName());
        }
    }
}
