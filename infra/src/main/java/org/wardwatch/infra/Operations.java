package org.wardwatch.infra;

import org.wardwatch.model.tenant.Handler;
import org.wardwatch.model.tenant.TenantNames;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.sns.Subscription;
import software.amazon.awscdk.services.sns.SubscriptionProtocol;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells the hospital's operations staff when messages are being lost or the function is failing: alarms on the
 * depth of every dead-letter queue, on the telemetry function's errors and throttles, on errors of the redrive
 * function, of the silent-devices check, of the presence function and of the escalation check, on staff alerts SNS
 * could not deliver (SMS, e-mail) and on alerts a function could not publish, all notifying the ops topic (alarm
 * and recovery). The admission and acknowledge functions have none: whoever invoked them reads every failure in
 * the answer. The ops topic is encrypted with the tenant's key, which therefore lets CloudWatch use it.
 */
public final class Operations extends Construct {

    /** The functions' metric of a failed publish (functions, PublishFailureMetrics) and its namespace. */
    static final String PUBLISH_FAILED = "AlertPublishFailed";
    static final String PUBLISH_FAILED_NAMESPACE = "wardwatch";

    private final Topic topic;
    private final List<Alarm> alarms = new ArrayList<>();

    public Operations(Construct scope, String id, OperationsProps props) {
        super(scope, id);
        TenantNames names = props.names();

        topic = Topic.Builder.create(this, "Topic")
                .topicName(names.resource("ops"))
                .displayName("wardwatch operations")
                .masterKey(props.encryptionKey())
                .enforceSsl(true)
                .build();
        // CloudWatch alarms can publish to an encrypted topic only if the key lets CloudWatch use it. A key policy's
        // resource is always "*" (the key itself); the condition limits it to alarms of this account.
        props.encryptionKey().addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudWatchAlarmsToUseTheKey")
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .conditions(OrderedMaps.of("StringEquals",
                        OrderedMaps.of("aws:SourceAccount", Stack.of(this).getAccount())))
                .build());
        for (int i = 0; i < props.opsEmails().size(); i++) {
            Subscription.Builder.create(this, "OpsEmail" + i)
                    .topic(topic)
                    .protocol(SubscriptionProtocol.EMAIL)
                    .endpoint(props.opsEmails().get(i))
                    .build();
        }

        Duration period = Duration.minutes(5);
        for (Map.Entry<String, IQueue> queue : props.deadLetterQueues().entrySet()) {
            alarm(queue.getKey(), names.resource(queue.getKey() + "-not-empty"),
                    "Messages are waiting in " + queue.getKey() + ": telemetry was not processed",
                    queue.getValue().metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                            .period(period).statistic("Maximum").build()));
        }
        alarm("FunctionErrors", names.resource("telemetry-errors"),
                "The telemetry function failed (it is retried; persistent failures reach the failures queue)",
                props.function().metricErrors(MetricOptions.builder().period(period).statistic("Sum").build()));
        alarm("FunctionThrottles", names.resource("telemetry-throttles"),
                "The telemetry function was throttled: reserved concurrency may be too low",
                props.function().metricThrottles(MetricOptions.builder().period(period).statistic("Sum").build()));
        alarm("RedriveErrors", names.resource("redrive-errors"),
                "A redrive stopped before the end (timeout or fault): what it did not reach is still in the "
                        + "dead-letter queues; fix the cause and invoke it again",
                props.redriveFunction().metricErrors(MetricOptions.builder().period(period).statistic("Sum").build()));
        alarm("SilenceErrors", names.resource("silence-errors"),
                "The silent-devices check failed: while it fails, a device that stops reporting is not flagged "
                        + "(it runs again every minute; the alarm clears with the first 5 minutes without an error)",
                props.silenceFunction().metricErrors(MetricOptions.builder().period(period).statistic("Sum").build()));
        alarm("PresenceErrors", names.resource("presence-errors"),
                "The presence function failed (it is retried; persistent failures reach the failures queue): devices' "
                        + "connections and disconnections are recorded late until it recovers or the queue is redriven",
                props.presenceFunction().metricErrors(MetricOptions.builder().period(period).statistic("Sum").build()));
        alarm("EscalationErrors", names.resource("escalation-errors"),
                "The escalation check failed: while it fails, no reminder or escalation of an unacknowledged alert is "
                        + "sent (it runs again every minute; what was due is sent by the first check that succeeds)",
                props.escalationFunction().metricErrors(MetricOptions.builder().period(period).statistic("Sum")
                        .build()));
        alarm("AlertDeliveryFailures", names.resource("alert-deliveries-failed"),
                "SNS could not deliver staff alerts (SMS or e-mail) after its retries: someone was not told; check "
                        + "the topic's delivery status logs and the contacts' endpoints",
                props.alertTopic().metricNumberOfNotificationsFailed(MetricOptions.builder().period(period)
                        .statistic("Sum").build()));
        alarm("AlertPublishFailures", names.resource("alert-publish-failed"),
                "A function could not publish a staff alert to the alert topic (it stays pending and is retried; "
                        + "see the function's log for which one)",
                publishFailures(names, period));
    }

    /**
     * The {@code AlertPublishFailed} counts every publishing function writes (functions/README.md, "Metrics":
     * namespace {@code wardwatch}, dimensions {@code tenant} and {@code function}, its handler; the staff API's
     * {@code staff-api}), summed: one alarm for all of them.
     */
    private static IMetric publishFailures(TenantNames names, Duration period) {
        Map<String, IMetric> metrics = new LinkedHashMap<>();
        for (Handler handler : Handler.values()) {
            if (handler.publishesAlerts()) {
                metrics.put(handler.name().toLowerCase(Locale.ROOT), publishFailed(names, handler.handlerName(), period));
            }
        }
        metrics.put("staffapi", publishFailed(names, TenantNames.STAFF_API, period));
        return MathExpression.Builder.create()
                .expression("SUM(METRICS())")
                .usingMetrics(metrics)
                .label(PUBLISH_FAILED)
                .period(period)
                .build();
    }

    private static IMetric publishFailed(TenantNames names, String function, Duration period) {
        return Metric.Builder.create()
                .namespace(PUBLISH_FAILED_NAMESPACE)
                .metricName(PUBLISH_FAILED)
                .dimensionsMap(dimensions(names.tenantId(), function))
                .statistic("Sum")
                .period(period)
                .build();
    }

    private static Map<String, String> dimensions(String tenant, String function) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("tenant", tenant);
        dimensions.put("function", function);
        return dimensions;
    }

    private void alarm(String id, String name, String description, IMetric metric) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmName(name)
                .alarmDescription(description)
                .metric(metric)
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        SnsAction action = new SnsAction(topic);
        alarm.addAlarmAction(action);
        alarm.addOkAction(action);
        alarms.add(alarm);
    }

    public Topic topic() {
        return topic;
    }

    public List<Alarm> alarms() {
        return List.copyOf(alarms);
    }
}
