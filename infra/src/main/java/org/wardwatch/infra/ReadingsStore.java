package org.wardwatch.infra;

import org.wardwatch.model.tenant.TenantNames;
import org.wardwatch.model.tenant.TableIndexes;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.kms.IKey;
import software.constructs.Construct;

import java.util.List;

/**
 * The tenant's DynamoDB tables, with the key layouts of functions/README.md: readings (with the sparse
 * {@code byBed}, {@code byPatient} and {@code byOpenAlert} indexes), quarantine ({@code byReason}) and the device
 * registry. All
 * on-demand, point-in-time recovery, encrypted with the tenant's key, protected from deletion and retained if the
 * stack is deleted: they hold patient data.
 */
public final class ReadingsStore extends Construct {

    /** The TTL attribute of readings and quarantined items. */
    public static final String TTL_ATTRIBUTE = "expiresAt";

    private final Table readings;
    private final Table quarantine;
    private final Table devices;
    private final IKey encryptionKey;

    public ReadingsStore(Construct scope, String id, ReadingsStoreProps props) {
        super(scope, id);
        this.encryptionKey = props.encryptionKey();
        TenantNames names = props.names();

        readings = table("Readings", names.readingsTable(), "pk", "sk", true);
        readings.addGlobalSecondaryIndex(index(TableIndexes.BY_BED, TableIndexes.BED_KEY, "sk"));
        readings.addGlobalSecondaryIndex(index(TableIndexes.BY_PATIENT, TableIndexes.PATIENT_REF, "sk"));
        // the alert records (AL#<alertId>, AL#record) that are still open: only they carry openIndex and openKey
        readings.addGlobalSecondaryIndex(index(TableIndexes.BY_OPEN_ALERT, TableIndexes.OPEN_PARTITION,
                TableIndexes.OPEN_SORT));
        // every alert record, open or closed, by ward and opening time: the staff API's alert history
        readings.addGlobalSecondaryIndex(index(TableIndexes.BY_WARD, TableIndexes.WARD_PARTITION,
                TableIndexes.WARD_SORT));

        quarantine = table("Quarantine", names.quarantineTable(), "pk", "sk", true);
        quarantine.addGlobalSecondaryIndex(index(TableIndexes.BY_REASON, TableIndexes.REASON, "sk"));

        devices = table("Devices", names.devicesTable(), "thingName", null, false);
    }

    private Table table(String id, String tableName, String partitionKey, String sortKey, boolean ttl) {
        Table.Builder builder = Table.Builder.create(this, id)
                .tableName(tableName)
                .partitionKey(string(partitionKey))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .encryption(TableEncryption.CUSTOMER_MANAGED)
                .encryptionKey(encryptionKey)
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN);
        if (sortKey != null) {
            builder.sortKey(string(sortKey));
        }
        if (ttl) {
            builder.timeToLiveAttribute(TTL_ATTRIBUTE);
        }
        return builder.build();
    }

    private static GlobalSecondaryIndexProps index(String name, String partitionKey, String sortKey) {
        return GlobalSecondaryIndexProps.builder()
                .indexName(name)
                .partitionKey(string(partitionKey))
                .sortKey(string(sortKey))
                .projectionType(ProjectionType.ALL)
                .build();
    }

    private static Attribute string(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }

    /**
     * Exactly what the telemetry function needs (functions/README.md, "IAM the function needs"), no more: no
     * scans, no deletes, no access to other tables. The README also lists {@code TransactWriteItems}, but IAM has
     * no such action (cfn-lint W3037): a transaction is authorized item by item, through PutItem, UpdateItem and
     * ConditionCheckItem, which are granted.
     */
    public void grantTelemetryAccess(IGrantable function) {
        readings.grant(function, "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                "dynamodb:Query", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem");
        quarantine.grant(function, "dynamodb:PutItem", "dynamodb:BatchWriteItem", "dynamodb:Query");
        devices.grant(function, "dynamodb:GetItem");
        encryptionKey.grant(function, "kms:Decrypt", "kms:GenerateDataKey");
    }

    /**
     * What the staff API's temperature log needs ({@code GET /storage/{device}/temperature-log};
     * functions/README.md, "Temperature logs"), read only: {@code Query} on the readings table itself (a device's
     * partition; not its indexes), {@code GetItem} on the devices table, and {@code kms:Decrypt} to read them. Not
     * {@code Table.grant}, which would add the readings table's indexes.
     */
    public void grantTemperatureLogAccess(IGrantable function) {
        grantOnTable(function, readings, "dynamodb:Query");
        grantOnTable(function, devices, "dynamodb:GetItem");
        encryptionKey.grant(function, "kms:Decrypt");
    }

    /**
     * What the staff API's acknowledgement of an excursion needs
     * ({@code POST /storage/{device}/excursions/{start}/ack}; functions/README.md, "Cold chain"): one conditional
     * {@code UpdateItem} of an excursion's item on the readings table itself (not its indexes), and the key to read
     * and rewrite it. No reads of any other table, no Query, no PutItem: it only adds the acknowledgement to an
     * excursion that exists.
     */
    public void grantExcursionAcknowledgementAccess(IGrantable function) {
        grantOnTable(function, readings, "dynamodb:UpdateItem");
        encryptionKey.grant(function, "kms:Decrypt", "kms:GenerateDataKey");
    }

    /**
     * What the admission function needs (functions/README.md, "Admissions"), on the readings table itself (not its
     * indexes): {@code GetItem} of a bed's current admission, {@code Query} of its history, {@code BatchGetItem} of a
     * bed's NEWS2 inputs when a nurse observation is recorded (functions/README.md, "NEWS2"), and the
     * {@code PutItem} and {@code DeleteItem} its transactions are made of (a transaction is authorized by its items'
     * actions); the key to read and write them. No other table.
     */
    public void grantAdmissionAccess(IGrantable function) {
        grantOnTable(function, readings, "dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:Query",
                "dynamodb:PutItem", "dynamodb:DeleteItem");
        encryptionKey.grant(function, "kms:Decrypt", "kms:GenerateDataKey");
    }

    /**
     * What the silent-devices check needs (functions/README.md, "Device alerts"): {@code Scan} of the devices table
     * for the ACTIVE devices; on the readings table (itself, not its indexes) {@code BatchGetItem} for the devices'
     * latest items, {@code GetItem} of its silence state and of the outbox item that state names as unsent, and
     * {@code PutItem}, {@code UpdateItem}, {@code ConditionCheckItem} for the transaction that writes the state and
     * the alert's outbox item, for marking the alert sent and for clearing the state's unsent mark; no
     * {@code Query} (the state names its unsent alert, so the outbox is never searched); the key to read and
     * write them.
     */
    public void grantSilenceCheckAccess(IGrantable function) {
        grantOnTable(function, devices, "dynamodb:Scan");
        grantOnTable(function, readings, "dynamodb:BatchGetItem", "dynamodb:GetItem",
                "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:ConditionCheckItem");
        encryptionKey.grant(function, "kms:Decrypt", "kms:GenerateDataKey");
    }

    /**
     * What the presence function needs (functions/README.md, "Presence"): on the readings table itself (not its
     * indexes) {@code GetItem} of a device's presence, {@code PutItem} of the presence and of an event's history item,
     * {@code UpdateItem} to count a duplicate delivery; {@code GetItem} of the device in the registry; {@code PutItem}
     * of a rejected event into the quarantine table (not its index); the key to read and write them.
     */
    public void grantPresenceAccess(IGrantable function) {
        grantOnTable(function, readings, "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem");
        grantOnTable(function, devices, "dynamodb:GetItem");
        grantOnTable(function, quarantine, "dynamodb:PutItem");
        encryptionKey.grant(function, "kms:Decrypt", "kms:GenerateDataKey");
    }

    /**
     * What the escalation check needs (functions/README.md, "Acknowledgement and escalation"): {@code Query} of the
     * open alert records on the {@code byOpenAlert} index (that index only), and on the readings table itself
     * {@code GetItem} of a record (read consistently) and {@code PutItem} of it (whole, conditioned on its version,
     * its pending notifications with it); the key to read and write them. No other table, no Scan, no UpdateItem.
     */
    public void grantEscalationAccess(IGrantable function) {
        grantAlertRecordAccess(function);
        encryptionKey.grant(function, "kms:Decrypt", "kms:GenerateDataKey");
    }

    /**
     * What the acknowledge function needs: the escalation check's access to the alert records (it finds the open
     * alert by place on the index, and writes the acknowledgement into the record with its ACKNOWLEDGED
     * notification), and for a COLD_CHAIN alert the excursion log's side, on the readings table itself: {@code Query}
     * of the storage unit's excursions ({@code D#<thing>} partition) and {@code UpdateItem} of the excursion's item.
     */
    public void grantAcknowledgementAccess(IGrantable function) {
        grantAlertRecordAccess(function);
        grantOnTable(function, readings, "dynamodb:Query", "dynamodb:UpdateItem");
        encryptionKey.grant(function, "kms:Decrypt", "kms:GenerateDataKey");
    }

    /**
     * What the staff API's ward view needs besides the acknowledgement's access (functions/staff-api/README.md):
     * {@code Scan} of the devices table (the ward's ACTIVE devices) and {@code BatchGetItem} of the beds' latest items
     * and NEWS2 state on the readings table, {@code Query} of the {@code byWard} index (a ward's alert history);
     * the key to read them.
     */
    public void grantWardViewAccess(IGrantable function) {
        grantOnTable(function, devices, "dynamodb:Scan");
        Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(function)
                .actions(List.of("dynamodb:Query"))
                .resourceArns(List.of(readings.getTableArn() + "/index/" + TableIndexes.BY_WARD))
                .build());
        grantOnTable(function, readings, "dynamodb:BatchGetItem");
        encryptionKey.grant(function, "kms:Decrypt");
    }

    /**
     * What the staff API's readings of a bed need ({@code GET /beds/{ward}/{bed}/readings}): {@code Query} of the
     * {@code byBed} index (that index only), which holds every reading of a bed in time order whichever device took
     * it; the key to read them.
     */
    public void grantBedReadingsAccess(IGrantable function) {
        Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(function)
                .actions(List.of("dynamodb:Query"))
                .resourceArns(List.of(readings.getTableArn() + "/index/" + TableIndexes.BY_BED))
                .build());
        encryptionKey.grant(function, "kms:Decrypt");
    }

    /**
     * The alert records' {@code byOpenAlert} index ({@code Query}) and items ({@code GetItem}, {@code PutItem}).
     * Items are not narrowed to their {@code AL#} partitions with {@code dynamodb:LeadingKeys}: no grant of the stack
     * conditions on keys (a function's role is the tenant's, on the tenant's own table).
     */
    private void grantAlertRecordAccess(IGrantable function) {
        Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(function)
                .actions(List.of("dynamodb:Query"))
                .resourceArns(List.of(readings.getTableArn() + "/index/" + TableIndexes.BY_OPEN_ALERT))
                .build());
        grantOnTable(function, readings, "dynamodb:GetItem", "dynamodb:PutItem");
    }

    private static void grantOnTable(IGrantable grantee, Table table, String... actions) {
        Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(grantee)
                .actions(List.of(actions))
                .resourceArns(List.of(table.getTableArn()))
                .build());
    }

    public Table readings() {
        return readings;
    }

    public Table quarantine() {
        return quarantine;
    }

    public Table devices() {
        return devices;
    }
}
