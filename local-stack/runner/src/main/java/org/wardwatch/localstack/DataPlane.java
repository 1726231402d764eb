package org.wardwatch.localstack;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.wardwatch.localstack.broker.BrokerTls;
import org.wardwatch.localstack.broker.IotBroker;
import org.wardwatch.localstack.broker.IotRegistryView;
import org.wardwatch.localstack.broker.PublishListener;
import org.wardwatch.localstack.lambda.AsyncInvoker;
import org.wardwatch.localstack.rules.RuleAccounting;
import org.wardwatch.localstack.rules.RulesEngine;
import org.wardwatch.localstack.rules.TopicRule;
import org.wardwatch.localstack.tenant.LocalTenant;
import org.wardwatch.localstack.tenant.TenantRule;
import org.wardwatch.localstack.ward.DeviceConnection;
import org.wardwatch.model.tenant.Handler;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * IoT Core's data plane: the HiveMQ broker (mutual TLS, IoT Core authorization) and the rules engine it delivers
 * every authorized publish and lifecycle event to, each rule invoking its function asynchronously with its
 * retries, error action and on-failure destination; plus whoever else observes the deliveries.
 */
final class DataPlane {

    private final List<PublishListener> observers = new CopyOnWriteArrayList<>();
    private final RulesEngine rules;
    private final BrokerTls tls;
    private final IotBroker broker;
    private volatile RecordedTime recordedTime;

    /** The receive time of publishes on one topic, while a replay publishes a recorded message there. */
    private record RecordedTime(String topic, long millis) {
    }

    private DataPlane(LocalTenant tenant, List<Duration> retryDelays, StackFunctions functions, SqsClient sqs,
                      IotClient iot, X509Certificate tenantCa, PipelineStats stats, Path run,
                      Consumer<AutoCloseable> closeLater, Consumer<String> step) {
        rules = new RulesEngine(tenant.rules().stream()
                .map(rule -> rule(rule, retryDelays, functions, sqs, stats, closeLater)).toList());
        PublishListener delivery = (clientId, topic, payload, brokerTime) -> {
            RecordedTime recorded = recordedTime;
            long receivedAt = recorded != null && recorded.topic().equals(topic) ? recorded.millis() : brokerTime;
            rules.onPublish(clientId, topic, payload, receivedAt);
            observers.forEach(o -> o.onPublish(clientId, topic, payload, receivedAt));
        };

        step.accept("starting the MQTT broker (HiveMQ CE, mutual TLS, IoT Core authorization)");
        tls = BrokerTls.create(run.resolve("broker"), List.of(tenantCa));
        broker = IotBroker.start(run.resolve("broker"), tls, new IotRegistryView(iot), delivery);
        closeLater.accept(broker);
        // Closed before the broker: its own shutdown disconnects are not run through the stopping functions.
        closeLater.accept(rules);
    }

    /** Publishes on {@code topic} are received at {@code millis} until this is called with null. */
    void recordedReceiveTime(String topic, Long millis) {
        recordedTime = millis == null ? null : new RecordedTime(topic, millis);
    }

    /** Wires the tenant's rules to {@code functions} and starts the broker (its files under {@code run}/broker). */
    static DataPlane start(LocalTenant tenant, List<Duration> retryDelays, StackFunctions functions, SqsClient sqs,
                           IotClient iot, X509Certificate tenantCa, PipelineStats stats, Path run,
                           Consumer<AutoCloseable> closeLater, Consumer<String> step) {
        return new DataPlane(tenant, retryDelays, functions, sqs, iot, tenantCa, stats, run, closeLater, step);
    }

    /** A rule as the engine runs it: its SQL, its function's asynchronous invocation, its error action. */
    private static RulesEngine.Rule rule(TenantRule rule, List<Duration> retryDelays, StackFunctions functions,
                                         SqsClient sqs, PipelineStats stats, Consumer<AutoCloseable> closeLater) {
        TenantRule.Target target = rule.target();
        List<Duration> delays = retryDelays.subList(0, Math.min(target.retryAttempts(), retryDelays.size()));
        AsyncInvoker invoker = new AsyncInvoker(functions.pool(target.functionName()), delays,
                record -> sqs.sendMessage(b -> b.queueUrl(target.onFailureQueueUrl()).messageBody(record)),
                target.functionArn());
        closeLater.accept(invoker);
        RuleAccounting accounting = target.handlerName().equals(Handler.TELEMETRY.handlerName()) ? stats.telemetry()
                : stats.events(target.handlerName());
        return new RulesEngine.Rule(rule.name(), TopicRule.parse(rule.sql()), invoker::invoke,
                record -> sqs.sendMessage(b -> b.queueUrl(rule.errorQueueUrl()).messageBody(record)), accounting);
    }

    DeviceConnection connect(LocalStack.Credentials device, String clientId) throws DeviceConnection.RefusedException {
        return DeviceConnection.connect(broker.host(), broker.port(), tls.brokerCaPem(), device.certificate(),
                device.key(), clientId, Duration.ofSeconds(15));
    }

    DeviceConnection connect(LocalStack.Credentials device, Consumer<DeviceConnection.Received> received)
            throws DeviceConnection.RefusedException {
        return DeviceConnection.connect(broker.host(), broker.port(), tls.brokerCaPem(), device.certificate(),
                device.key(), device.thing(), Duration.ofSeconds(15), received);
    }

    void observe(PublishListener observer) {
        observers.add(observer);
    }

    RulesEngine rules() {
        return rules;
    }

    BrokerTls tls() {
        return tls;
    }

    IotBroker broker() {
        return broker;
    }
}
