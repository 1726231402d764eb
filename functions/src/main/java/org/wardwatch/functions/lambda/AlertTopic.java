package org.wardwatch.functions.lambda;

import java.io.PrintStream;
import org.wardwatch.functions.aws.DynamoAlertRecordStore;
import org.wardwatch.functions.aws.SnsAlertPublisher;
import org.wardwatch.functions.service.AlertPublisher;
import org.wardwatch.functions.service.AlertRecorder;
import org.wardwatch.functions.service.RecordingPublisher;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The tenant's alert topic as every function publishes to it (functions/README.md, "Acknowledgement and
 * escalation"): each alert's transition recorded in its record first ({@link RecordingPublisher}), then published
 * to SNS, a failed publish counted ({@link PublishFailureMetrics}). Plain Java, so that the staff API (its own
 * artifact, which does not take this module's beans) builds it the same way.
 */
public final class AlertTopic {

    private AlertTopic() {
    }

    /**
     * @param function the publishing function's handler name, the {@code function} dimension of its failure metric
     * @param metrics  where the metric lines go (Lambda ships stdout to CloudWatch Logs)
     */
    public static AlertPublisher publisher(DynamoDbClient dynamo, String readingsTable, SnsClient sns,
                                           String topicArn, String tenantId, String function, PrintStream metrics) {
        return new RecordingPublisher(new AlertRecorder(new DynamoAlertRecordStore(dynamo, readingsTable)),
                new PublishFailureMetrics(new SnsAlertPublisher(sns, topicArn), tenantId, function, metrics));
    }
}
