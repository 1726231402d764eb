package org.wardwatch.functions.aws;

import static org.wardwatch.functions.aws.Attributes.n;
import static org.wardwatch.functions.aws.Attributes.s;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wardwatch.functions.core.AlertNotification;
import org.wardwatch.functions.core.AlertTransition;
import org.wardwatch.functions.core.BedAlert;
import org.wardwatch.functions.core.SourceValue;
import org.wardwatch.functions.core.News2Alert;
import org.wardwatch.functions.core.News2Notification;
import org.wardwatch.functions.core.News2Picture;
import org.wardwatch.functions.service.BedSnapshot;
import org.wardwatch.functions.service.News2Store;
import org.wardwatch.model.news2.News2;
import org.wardwatch.model.tenant.News2Settings;
import org.wardwatch.functions.service.AlertPublisher;
import org.wardwatch.functions.service.AlertRenderer;
import org.wardwatch.functions.service.BedAlerts;
import org.wardwatch.functions.service.BedParameter;
import org.wardwatch.model.device.Isolation;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link BedAlerts} on the bed's {@code P#<metric>} items: each open alert is resolved by a write conditioned on
 * the version it was read at (re-read after a lost race), then published, naming the source that last fed it.
 * The write comes first: a publish that fails leaves the alert resolved and the failure is the caller's error.
 */
public final class DynamoBedAlerts implements BedAlerts {

    private static final int MAX_CONFLICT_RETRIES = 8;

    private final DynamoDbClient dynamo;
    private final String readingsTable;
    private final AlertPublisher publisher;
    private final String tenantId;
    private final AlertRenderer renderer;

    private final News2Store news2;
    private final News2Settings news2Settings;

    /** @param zone the hospital's time zone, for the times in staff texts */
    public DynamoBedAlerts(DynamoDbClient dynamo, String readingsTable, AlertPublisher publisher, String tenantId,
                           ZoneId zone) {
        this(dynamo, readingsTable, publisher, tenantId, zone, null, News2Settings.DEFAULTS);
    }

    /** @param news2 where the bed's NEWS2 alert is kept, which a discharge resolves too; null: none is kept */
    public DynamoBedAlerts(DynamoDbClient dynamo, String readingsTable, AlertPublisher publisher, String tenantId,
                           ZoneId zone, News2Store news2, News2Settings news2Settings) {
        this.news2 = news2;
        this.news2Settings = news2Settings;
        this.renderer = new AlertRenderer(zone);
        this.dynamo = dynamo;
        this.readingsTable = readingsTable;
        this.publisher = publisher;
        this.tenantId = tenantId;
    }

    @Override
    public List<String> resolveAll(String ward, String bed, String patientRef, String reason, Instant at) {
        if (!AlertTransition.DISCHARGED.equals(reason)) {
            throw new IllegalArgumentException("a bed's alerts are resolved all at once only when its patient leaves");
        }
        String pk = Keys.bed(ward, bed);
        List<String> resolved = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(b -> b.tableName(readingsTable)
                .consistentRead(true).keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                .expressionAttributeValues(Map.of(":pk", s(pk), ":p", s("P#")))).items()) {
            resolve(BedItems.parameter(item), reason, at, patientRef).ifPresent(resolved::add);
        }
        if (news2 != null) {
            resolveNews2(ward, bed, patientRef, at).ifPresent(resolved::add);
        }
        return resolved;
    }

    /** The bed's open NEWS2 alert, resolved as DISCHARGED; staff are told the score it had as the patient left. */
    private Optional<String> resolveNews2(String ward, String bed, String patientRef, Instant at) {
        for (int attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
            BedSnapshot read = news2.news2Bed(ward, bed);
            News2Alert.Step step = News2Alert.discharge(read.news2().state(), at);
            if (step.transition().isEmpty()) {
                return Optional.empty();
            }
            if (!news2.advanceNews2(ward, bed, read.news2().version(), step.state(), Optional.empty(), null, null)) {
                continue;
            }
            Map<org.wardwatch.model.reading.Metric, org.wardwatch.functions.core.BedParameterState> states =
                    new java.util.EnumMap<>(org.wardwatch.model.reading.Metric.class);
            read.parameters().forEach((metric, p) -> states.put(metric, p.state()));
            // The admission has ended: the observations are still the leaving patient's (SpO2 on scale 1).
            News2Picture picture = News2Picture.at(at, states, news2.lastObservations(ward, bed), 1, news2Settings);
            AlertTransition t = step.transition().get();
            publisher.publish(renderer.render(new News2Notification(tenantId, t, ward, bed, patientRef,
                    News2.score(picture.inputs()), picture.values(), null, null),
                    "B#" + ward + "#" + bed + "#" + t.alertId() + "#" + AlertTransition.DISCHARGED));
            return Optional.of(t.alertId());
        }
        throw new IllegalStateException("the NEWS2 state of a bed kept changing under " + MAX_CONFLICT_RETRIES
                + " attempts");
    }

    private Optional<String> resolve(BedParameter parameter, String reason, Instant at, String patientRef) {
        for (int attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
            BedAlert.Step step = BedAlert.discharge(parameter.state(), at);
            if (step.transition().isEmpty()) {
                return Optional.empty();
            }
            BedParameter next = new BedParameter(parameter.ward(), parameter.bed(), parameter.metric(), step.state(),
                    parameter.version());
            long expected = parameter.version();
            try {
                dynamo.putItem(b -> b.tableName(readingsTable).item(BedItems.item(next, expected + 1))
                        .conditionExpression("version = :expected")
                        .expressionAttributeValues(Map.of(":expected", n(expected))));
            } catch (ConditionalCheckFailedException e) {
                Map<String, AttributeValue> key = Attributes.key(Keys.bed(parameter.ward(), parameter.bed()),
                        Keys.bedParameter(parameter.metric()));
                parameter = BedItems.parameter(dynamo.getItem(b -> b.tableName(readingsTable).consistentRead(true)
                        .key(key)).item());
                continue;
            }
            AlertTransition t = step.transition().get();
            // An open alert always has a source: a source leaves only by detaching, which resolves what it alone fed.
            SourceValue source = parameter.state().sources().get(0);
            AlertNotification notification = new AlertNotification(tenantId, AlertNotification.THRESHOLD, t,
                    source.thingName(), source.kind(), parameter.ward(), parameter.bed(), parameter.metric(),
                    source.value(), null, null, null, Isolation.NONE, patientRef);
            publisher.publish(renderer.render(notification, "B#" + parameter.ward() + "#" + parameter.bed() + "#"
                    + t.alertId() + "#" + reason));
            return Optional.of(t.alertId());
        }
        throw new IllegalStateException("alert state of " + parameter.metric().code() + " at a bed kept changing under "
                + MAX_CONFLICT_RETRIES + " attempts");
    }
}
