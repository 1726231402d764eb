package org.wardwatch.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.tenant.TenantNames;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.infra.TemplateJson.arnOf;

/**
 * The append-only audit table: kept forever, changed by nobody, appended to only through {@link Audit#grantAppend}
 * and read only through {@link Audit#grantQuery}.
 */
class AuditTest {

    /** Actions that change or remove an item, or could (wildcards). */
    private static final Set<String> CHANGES = Set.of("dynamodb:UpdateItem", "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem", "dynamodb:PartiQLUpdate", "dynamodb:PartiQLDelete", "dynamodb:*", "*");

    private static Template template;
    private static Template appended;

    @BeforeAll
    static void synthesize() {
        template = SynthesizedTenants.get().jvm;
        appended = grantedStack();
    }

    /** A stack of its own: the audit, a writer, a reader, and a role granted too much. */
    private static Template grantedStack() {
        App app = new App(software.amazon.awscdk.AppProps.builder()
                .outdir(SynthesizedTenants.TARGET.resolve("cdk-test/audit").toString()).build());
        Stack stack = new Stack(app, "audit-grants");
        Audit audit = new Audit(stack, "Audit", new TenantNames("st-aurelia"), new Key(stack, "DataKey"));
        audit.grantAppend(Role.Builder.create(stack, "Writer")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com")).build());
        audit.grantQuery(Role.Builder.create(stack, "Reader")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com")).build());
        audit.table().grant(Role.Builder.create(stack, "Meddler")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com")).build(), "dynamodb:UpdateItem");
        return Template.fromStack(stack);
    }

    @Test
    void theAuditTable_isKeyedByDayAndInstant_encryptedWithTheTenantsKey_andNeverExpires() {
        String key = TemplateJson.logicalId(template, "AWS::KMS::Key", "DataKey");
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "TableName", "wardwatch-st-aurelia-audit",
                "KeySchema", List.of(Map.of("AttributeName", "pk", "KeyType", "HASH"),
                        Map.of("AttributeName", "sk", "KeyType", "RANGE")),
                "AttributeDefinitions", List.of(Map.of("AttributeName", "pk", "AttributeType", "S"),
                        Map.of("AttributeName", "sk", "AttributeType", "S")),
                "BillingMode", "PAY_PER_REQUEST",
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                "SSESpecification", Map.of("SSEEnabled", true, "SSEType", "KMS", "KMSMasterKeyId", arnOf(key)),
                "TimeToLiveSpecification", Match.absent(),
                "GlobalSecondaryIndexes", Match.absent(),
                "StreamSpecification", Match.absent()));
    }

    @Test
    void theAuditTable_isProtectedFromDeletion_andRetained() {
        template.hasResource("AWS::DynamoDB::Table", Map.of(
                "Properties", Match.objectLike(Map.of("TableName", "wardwatch-st-aurelia-audit",
                        "DeletionProtectionEnabled", true)),
                "DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
    }

    @Test
    void theResourcePolicy_deniesEveryPrincipal_changingOrRemovingARecord_onTheTableItself() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) TemplateJson.resources(template)
                .get(TemplateJson.logicalId(template, "AWS::DynamoDB::Table", "AuditTable")).get("Properties");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> statements = (List<Map<String, Object>>) ((Map<String, Object>)
                ((Map<String, Object>) properties.get("ResourcePolicy")).get("PolicyDocument")).get("Statement");

        assertThat(statements).hasSize(1);
        Map<String, Object> deny = statements.get(0);
        assertThat(deny.get("Effect")).isEqualTo("Deny");
        assertThat(deny.get("Principal")).isEqualTo("*");
        assertThat(deny).doesNotContainKey("Condition");
        assertThat(deny.get("Action")).isEqualTo(List.of("dynamodb:UpdateItem", "dynamodb:DeleteItem",
                "dynamodb:BatchWriteItem", "dynamodb:PartiQLUpdate", "dynamodb:PartiQLDelete"));
        assertThat(new ObjectMapper().writeValueAsString(deny.get("Resource"))).isEqualTo(
                "{\"Fn::Join\":[\"\",[\"arn:\",{\"Ref\":\"AWS::Partition\"},"
                        + "\":dynamodb:eu-west-1:111111111111:table/wardwatch-st-aurelia-audit\"]]}");
    }

    @Test
    void noRoleOfTheTenantStacks_mayChangeOrRemoveAnAuditRecord() {
        for (Template tenant : List.of(template, SynthesizedTenants.get().nativeTemplate)) {
            String table = TemplateJson.logicalId(tenant, "AWS::DynamoDB::Table", "AuditTable");
            assertThat(changesGranted(tenant, table)).isEmpty();
        }
    }

    @Test
    void theWritersGrant_isPutItemOnTheTable_andTheKey_only() {
        String table = TemplateJson.logicalId(appended, "AWS::DynamoDB::Table", "AuditTable");
        String key = TemplateJson.logicalId(appended, "AWS::KMS::Key", "DataKey");
        String writer = TemplateJson.logicalId(appended, "AWS::IAM::Role", "Writer");

        appended.hasResourceProperties("AWS::IAM::Policy", Map.of(
                "Roles", List.of(TemplateJson.ref(writer)),
                "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(
                        Map.of("Action", "dynamodb:PutItem", "Effect", "Allow", "Resource", arnOf(table)),
                        Map.of("Action", List.of("kms:Decrypt", "kms:GenerateDataKey"), "Effect", "Allow",
                                "Resource", arnOf(key))))));
    }

    @Test
    void theReadersGrant_isQueryOnTheTable_andDecrypt_only() {
        String table = TemplateJson.logicalId(appended, "AWS::DynamoDB::Table", "AuditTable");
        String key = TemplateJson.logicalId(appended, "AWS::KMS::Key", "DataKey");
        String reader = TemplateJson.logicalId(appended, "AWS::IAM::Role", "Reader");

        appended.hasResourceProperties("AWS::IAM::Policy", Map.of(
                "Roles", List.of(TemplateJson.ref(reader)),
                "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(
                        Map.of("Action", "dynamodb:Query", "Effect", "Allow", "Resource", arnOf(table)),
                        Map.of("Action", "kms:Decrypt", "Effect", "Allow", "Resource", arnOf(key))))));
    }

    @Test
    void aRoleGrantedAnUpdate_isFoundByTheCheck_theWriterAndTheReaderAreNot() {
        String table = TemplateJson.logicalId(appended, "AWS::DynamoDB::Table", "AuditTable");

        assertThat(changesGranted(appended, table)).containsOnlyKeys(
                TemplateJson.logicalId(appended, "AWS::IAM::Role", "Meddler"));
    }

    /** Role logical id to the changing actions an identity policy allows it on the table (or on everything). */
    @SuppressWarnings("unchecked")
    private static Map<String, Set<String>> changesGranted(Template stack, String table) {
        Map<String, Set<String>> found = new TreeMap<>();
        for (Map<String, Object> policy : stack.findResources("AWS::IAM::Policy").values()) {
            Map<String, Object> properties = (Map<String, Object>) policy.get("Properties");
            List<Map<String, Object>> statements = (List<Map<String, Object>>)
                    ((Map<String, Object>) properties.get("PolicyDocument")).get("Statement");
            for (Map<String, Object> statement : statements) {
                String resources = String.valueOf(statement.get("Resource"));
                boolean onTable = resources.contains(table) || resources.equals("*") || resources.contains("[*");
                List<Object> actions = statement.get("Action") instanceof List<?> list ? new ArrayList<>(list)
                        : List.of(statement.get("Action"));
                for (Object action : actions) {
                    if (onTable && "Allow".equals(statement.get("Effect")) && CHANGES.contains(action)) {
                        for (Object role : (List<Object>) properties.get("Roles")) {
                            found.computeIfAbsent(String.valueOf(((Map<String, Object>) role).get("Ref")),
                                    r -> new TreeSet<>()).add((String) action);
                        }
                    }
                }
            }
        }
        return found;
    }
}
