package org.wardwatch.functions.lambda;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.wardwatch.model.tenant.Handler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Primes the AWS clients while the instance starts, so that the first message does not pay for them. Building the
 * DynamoDB client and its first request load and link most of the SDK (credentials, endpoint rules, signing, the
 * JSON protocol, retries, the HTTP client): a third of a cold start here (docs/performance.md, section 2).
 *
 * <p>At start (Quarkus starts during the handler's construction, that is in Lambda's init phase) a background thread
 * builds the DynamoDB client and reads an absent key of the devices table, the read the {@code telemetry} handler
 * makes for an uncached device: it writes nothing, and reads a table the handler's role may read. Handlers whose role
 * may not read the devices table only build the client. The thread can overlap the rest of the start and the first
 * event's fetch and decoding (on two busy cores here it made no measurable difference to a start without SnapStart);
 * a handler that needs the client sooner waits for it as for any CDI bean.
 *
 * <p>Under SnapStart the same class is a CRaC resource: {@link #beforeCheckpoint} waits for the priming and builds
 * the SNS client too (publishing is rare, so a cold start without SnapStart leaves it lazy), so the snapshot holds
 * primed clients and no request in flight. Priming never fails the start or the snapshot: a failed read (the table
 * missing in a test, a throttle) is logged and ignored; the first message then pays as it would have.
 */
@ApplicationScoped
public class ClientPriming implements Resource {

    private static final Logger LOG = Logger.getLogger(ClientPriming.class);

    /** The handlers whose role may read the devices table ({@code infra}'s ReadingsStore grants). */
    static final Set<String> READERS_OF_DEVICES = handlers(Handler::readsDevices);
    /** The handlers that publish alerts. */
    static final Set<String> PUBLISHERS = handlers(Handler::publishesAlerts);
    /** No device has this name: thing names are the tenant's (device-certs). */
    static final String ABSENT_THING = "wardwatch-priming-absent-device";
    /** The name of the thread that primes at start. */
    static final String THREAD = "wardwatch-client-priming";

    /**
     * The model classes of the other DynamoDB operations a message may need. Each one's static initialisation
     * defines its fields with lambdas (dozens of classes spun per model class). Priming makes no other call (the
     * writes cannot be made harmlessly, and the one read already warms the request path they share), so it
     * initialises their classes.
     */
    private static final List<Supplier<?>> OTHER_OPERATIONS = List.of(
            QueryRequest::builder, QueryResponse::builder,
            BatchWriteItemRequest::builder, BatchWriteItemResponse::builder,
            UpdateItemRequest::builder, UpdateItemResponse::builder,
            PutItemRequest::builder, PutItemResponse::builder,
            TransactWriteItemsRequest::builder, TransactWriteItemsResponse::builder,
            BatchGetItemRequest::builder, BatchGetItemResponse::builder);

    private static Set<String> handlers(java.util.function.Predicate<Handler> which) {
        return java.util.Arrays.stream(Handler.values()).filter(which).map(Handler::handlerName)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Inject
    DynamoDbClient dynamo;

    @Inject
    SnsClient sns;

    @Inject
    WardwatchConfig config;

    @ConfigProperty(name = "quarkus.lambda.handler")
    String handler;

    private volatile CompletableFuture<Void> priming = CompletableFuture.completedFuture(null);

    void onStart(@Observes StartupEvent event) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        priming = done;
        Thread thread = new Thread(() -> {
            try {
                prime();
            } finally {
                done.complete(null);
            }
        }, THREAD);
        thread.setDaemon(true);
        thread.start();
        Core.getGlobalContext().register(this);
    }

    /**
     * Builds the DynamoDB client, where the role allows it makes one read, and initialises the other operations'
     * model classes; never throws.
     */
    void prime() {
        long start = System.nanoTime();
        try {
            if (READERS_OF_DEVICES.contains(handler)) {
                dynamo.getItem(b -> b.tableName(config.devicesTable())
                        .key(Map.of("thingName", AttributeValue.fromS(ABSENT_THING))));
            } else {
                dynamo.serviceClientConfiguration(); // builds the client behind its CDI proxy
            }
            OTHER_OPERATIONS.forEach(Supplier::get);
            LOG.debugf("AWS clients primed in %d ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warnf("priming the DynamoDB client failed (%s); the first message will build it",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            priming.get(20, TimeUnit.SECONDS);
            if (PUBLISHERS.contains(handler)) {
                sns.serviceClientConfiguration();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("priming before the snapshot did not finish (%s)", e.getClass().getSimpleName());
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: credentials come from Lambda's container endpoint and are refreshed when they expire.
    }
}
