package org.wardwatch.infra;

import org.wardwatch.model.tenant.TenantNames;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.StarPrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.constructs.Construct;

import java.util.List;

/**
 * The append-only audit of staff's writes (issue 16): table {@code wardwatch-<tenant>-audit}, {@code pk}
 * {@code AU#<yyyy-mm-dd>} (UTC day) and {@code sk} {@code <ISO instant>#<random id>}, one item per write, put
 * once ({@code attribute_not_exists(pk)}) and never changed. No role is granted more than {@code PutItem}
 * ({@link #grantAppend}) and {@code Query} ({@link #grantQuery}), and the table's resource policy denies every principal the actions that change or
 * remove an item. Kept for the tenant's life: no TTL, point-in-time recovery, the tenant's key, deletion
 * protection, retained.
 */
public final class Audit extends Construct {

    /** What changes or removes an item (BatchWriteItem deletes too; a transaction is authorized item by item). */
    static final List<String> DENIED = List.of("dynamodb:UpdateItem", "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem", "dynamodb:PartiQLUpdate", "dynamodb:PartiQLDelete");

    private final Table table;
    private final IKey encryptionKey;

    public Audit(Construct scope, String id, TenantNames names, IKey encryptionKey) {
        super(scope, id);
        this.encryptionKey = encryptionKey;
        // The table's own ARN, built from its name: a reference to the table from its own policy would be circular.
        String tableArn = Stack.of(this).formatArn(ArnComponents.builder()
                .service("dynamodb").resource("table").resourceName(names.auditTable()).build());
        table = Table.Builder.create(this, "Table")
                .tableName(names.auditTable())
                .partitionKey(string("pk"))
                .sortKey(string("sk"))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .encryption(TableEncryption.CUSTOMER_MANAGED)
                .encryptionKey(encryptionKey)
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .resourcePolicy(PolicyDocument.Builder.create()
                        .statements(List.of(PolicyStatement.Builder.create()
                                .sid("AuditRecordsAreNeverChanged")
                                .effect(Effect.DENY)
                                .principals(List.of(new StarPrincipal()))
                                .actions(DENIED)
                                .resources(List.of(tableArn))
                                .build()))
                        .build())
                .build();
    }

    private static Attribute string(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }

    /**
     * What a writer of the audit needs, and nothing more: {@code PutItem} of a new record on the table itself,
     * and the key to encrypt it. No read, no update, no delete.
     */
    public void grantAppend(IGrantable grantee) {
        Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(grantee)
                .actions(List.of("dynamodb:PutItem"))
                .resourceArns(List.of(table.getTableArn()))
                .build());
        encryptionKey.grant(grantee, "kms:Decrypt", "kms:GenerateDataKey");
    }

    /**
     * What a reader of the audit needs ({@code GET /audit}: a day's partition, a time range of its sort key), and
     * nothing more: {@code Query} on the table itself and the key to decrypt. No GetItem, Scan or PartiQL, no write.
     */
    public void grantQuery(IGrantable grantee) {
        Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(grantee)
                .actions(List.of("dynamodb:Query"))
                .resourceArns(List.of(table.getTableArn()))
                .build());
        encryptionKey.grant(grantee, "kms:Decrypt");
    }

    public Table table() {
        return table;
    }
}
