package org.wardwatch.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.tenant.TableIndexes;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.infra.TemplateJson.ref;

/**
 * IAM across the whole stack: no wildcard resources or actions, and each function touches only its own things: the
 * telemetry function what functions/README.md lists, the redrive function that and its two queues, the admission
 * function its reads and transactions and the alert topic, the silent-devices check what its scan, state and alerts
 * take, the staff API what its endpoints need (the acknowledge and admission functions' grants, the ward view, a
 * bed's readings, a storage unit's temperature log and the one conditional update of an excursion's
 * acknowledgement) and PutItem and Query of audit records.
 */
class LeastPrivilegeTest {

    private static final String OPEN_ALERT_INDEX = "/index/" + TableIndexes.BY_OPEN_ALERT;
    private static final String WARD_INDEX = "/index/" + TableIndexes.BY_WARD;
    private static final String BED_INDEX = "/index/" + TableIndexes.BY_BED;

    private static List<Template> templates;
    private static Template jvm;

    @BeforeAll
    static void synthesize() {
        jvm = SynthesizedTenants.get().jvm;
        templates = List.of(jvm, SynthesizedTenants.get().nativeTemplate);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Map<String, Object> policyResource) {
        Map<String, Object> properties = (Map<String, Object>) policyResource.get("Properties");
        Map<String, Object> document = (Map<String, Object>) properties.get("PolicyDocument");
        return (List<Map<String, Object>>) document.get("Statement");
    }

    private static List<Object> asList(Object value) {
        return value instanceof List<?> list ? new ArrayList<>(list) : List.of(value);
    }

    /**
     * The logical id an IAM resource entry points at: {@code Ref} or {@code GetAtt ... Arn} of a resource of this
     * stack, or that ARN followed by {@code /index/*} (the table's own indexes), or by {@code /index/byOpenAlert} or
     * {@code /index/byWard} or {@code /index/byBed} (that index only: {@code <logical id>/index/<name>}). Anything
     * else fails.
     */
    @SuppressWarnings("unchecked")
    private static String ownResource(Object resource, Set<String> logicalIds) {
        if (resource instanceof Map<?, ?> map) {
            if (map.containsKey("Ref")) {
                String id = (String) map.get("Ref");
                return "AWS::NoValue".equals(id) ? null : check(id, logicalIds, resource);
            }
            if (map.containsKey("Fn::GetAtt")) {
                List<Object> getAtt = (List<Object>) map.get("Fn::GetAtt");
                assertThat(getAtt.get(1)).as("attribute of %s", resource).isEqualTo("Arn");
                return check((String) getAtt.get(0), logicalIds, resource);
            }
            if (map.containsKey("Fn::Join")) {
                List<Object> parts = (List<Object>) ((List<Object>) map.get("Fn::Join")).get(1);
                assertThat(parts).as("joined resource %s", resource).hasSize(2);
                assertThat(parts.get(1)).as("only a table's own indexes may be joined: %s", resource)
                        .isIn("/index/*", OPEN_ALERT_INDEX, WARD_INDEX, BED_INDEX);
                String table = ownResource(parts.get(0), logicalIds);
                return parts.get(1).equals("/index/*") ? table : table + parts.get(1);
            }
        }
        throw new AssertionError("IAM resource is not one of the stack's own resources: " + resource);
    }

    private static String check(String id, Set<String> logicalIds, Object resource) {
        assertThat(logicalIds).as("resource %s is in this stack", resource).contains(id);
        return id;
    }

    @Test
    void noIdentityPolicy_grantsWildcardResourcesOrActions() {
        for (Template template : templates) {
            Set<String> logicalIds = TemplateJson.resources(template).keySet();
            Map<String, Map<String, Object>> policies = template.findResources("AWS::IAM::Policy");
            assertThat(policies)
                    .as("telemetry, redrive, admission, silence, presence, acknowledge, escalation, staff API, "
                            + "rules' error action (no temperature-log or acknowledge-excursion function: the staff "
                            + "API serves both)")
                    .hasSize(9);
            for (Map<String, Object> policy : policies.values()) {
                for (Map<String, Object> statement : statements(policy)) {
                    assertThat(statement.get("Effect")).isEqualTo("Allow");
                    for (Object action : asList(statement.get("Action"))) {
                        assertThat((String) action).doesNotContain("*").matches("[a-z0-9]+:[A-Za-z]+");
                    }
                    for (Object resource : asList(statement.get("Resource"))) {
                        ownResource(resource, logicalIds);
                    }
                }
            }
        }
    }

    @Test
    void roles_haveNoManagedOrInlinePolicies() {
        for (Template template : templates) {
            assertThat(template.findResources("AWS::IAM::Role")).hasSize(9);
            assertThat(template.findResources("AWS::IAM::Role", Map.of("Properties", Match.objectLike(Map.of(
                    "ManagedPolicyArns", Match.absent(), "Policies", Match.absent()))))).hasSize(9);
        }
    }

    @Test
    void theOnlyWildcardResources_areInTheKeyPolicyWhereKmsRequiresThem() {
        for (Template template : templates) {
            Map<String, String> wildcards = new TreeMap<>();
            TemplateJson.resources(template).forEach((id, resource) ->
                    collectWildcardResources(resource, id + " (" + resource.get("Type") + ")", wildcards));
            assertThat(wildcards.values()).as(wildcards.toString()).containsOnly("AWS::KMS::Key");
        }
    }

    @SuppressWarnings("unchecked")
    private static void collectWildcardResources(Object node, String where, Map<String, String> found) {
        if (node instanceof Map<?, ?> map) {
            if ("*".equals(map.get("Resource")) && map.containsKey("Effect")) {
                found.put(where + " " + map.get("Action"), where.substring(where.indexOf('(') + 1, where.length() - 1));
            }
            for (Object value : map.values()) {
                collectWildcardResources(value, where, found);
            }
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectWildcardResources(value, where, found));
        }
    }

    /** Every action the role of a construct's function may take, with the logical ids it may take it on. */
    private static Map<String, Set<String>> granted(String construct) {
        String role = TemplateJson.logicalId(jvm, "AWS::IAM::Role", construct + "FunctionRole");
        Map<String, Map<String, Object>> policies = jvm.findResources("AWS::IAM::Policy", Map.of("Properties",
                Match.objectLike(Map.of("Roles", List.of(ref(role))))));
        assertThat(policies).hasSize(1);
        Map<String, Set<String>> granted = new TreeMap<>();
        Set<String> logicalIds = TemplateJson.resources(jvm).keySet();
        for (Map<String, Object> statement : statements(policies.values().iterator().next())) {
            for (Object action : asList(statement.get("Action"))) {
                for (Object resource : asList(statement.get("Resource"))) {
                    String id = ownResource(resource, logicalIds);
                    if (id != null) {
                        granted.computeIfAbsent((String) action, a -> new TreeSet<>()).add(id);
                    }
                }
            }
        }
        return granted;
    }

    /** What functions/README.md lists for the telemetry function, on this stack's own resources. */
    private static Map<String, Set<String>> telemetryAccess() {
        String readings = TemplateJson.logicalId(jvm, "AWS::DynamoDB::Table", "ReadingsStoreReadings");
        String quarantine = TemplateJson.logicalId(jvm, "AWS::DynamoDB::Table", "ReadingsStoreQuarantine");
        String devices = TemplateJson.logicalId(jvm, "AWS::DynamoDB::Table", "ReadingsStoreDevices");
        Map<String, Set<String>> expected = new TreeMap<>();
        expected.put("dynamodb:GetItem", new TreeSet<>(List.of(readings, devices)));
        expected.put("dynamodb:PutItem", new TreeSet<>(List.of(readings, quarantine)));
        expected.put("dynamodb:Query", new TreeSet<>(List.of(readings, quarantine)));
        expected.put("dynamodb:UpdateItem", Set.of(readings));
        expected.put("dynamodb:BatchGetItem", Set.of(readings));
        expected.put("dynamodb:BatchWriteItem", new TreeSet<>(List.of(readings, quarantine)));
        expected.put("dynamodb:ConditionCheckItem", Set.of(readings));
        expected.put("sns:Publish", Set.of(TemplateJson.logicalId(jvm, "AWS::SNS::Topic", "AlertChannels")));
        expected.put("kms:Decrypt", Set.of(key()));
        expected.put("kms:GenerateDataKey", Set.of(key()));
        return expected;
    }

    private static String key() {
        return TemplateJson.logicalId(jvm, "AWS::KMS::Key", "DataKey");
    }

    /** Writing to the construct's own log group, and no other. */
    private static void putOwnLogs(Map<String, Set<String>> expected, String construct) {
        String logs = TemplateJson.logicalId(jvm, "AWS::Logs::LogGroup", construct + "LogGroup");
        expected.put("logs:CreateLogStream", Set.of(logs));
        expected.put("logs:PutLogEvents", Set.of(logs));
    }

    @Test
    void telemetryFunction_mayDoExactlyWhatTheContractLists_onItsOwnResources() {
        Map<String, Set<String>> expected = telemetryAccess();
        putOwnLogs(expected, "Ingest");
        expected.put("sqs:SendMessage", Set.of(TemplateJson.logicalId(jvm, "AWS::SQS::Queue", "IngestFailureQueue")));

        assertThat(granted("Ingest")).isEqualTo(expected);
    }

    @Test
    void redriveFunction_mayDoWhatTelemetryMay_andConsumeTheTwoDeadLetterQueues_andNothingElse() {
        Set<String> queues = new TreeSet<>(List.of(
                TemplateJson.logicalId(jvm, "AWS::SQS::Queue", "IngestDeadLetterQueue"),
                TemplateJson.logicalId(jvm, "AWS::SQS::Queue", "IngestFailureQueue")));
        Map<String, Set<String>> expected = telemetryAccess();
        putOwnLogs(expected, "Redrive");
        expected.put("sqs:ReceiveMessage", queues);
        expected.put("sqs:DeleteMessage", queues);
        expected.put("sqs:GetQueueAttributes", queues);

        // no sqs:SendMessage: a synchronous invocation has no on-failure destination, and a redrive never re-queues
        assertThat(granted("Redrive")).isEqualTo(expected);
    }

    @Test
    void admissionFunction_mayReadQueryPutAndDeleteReadingsItems_publishAlerts_andUseTheKey() {
        String readings = TemplateJson.logicalId(jvm, "AWS::DynamoDB::Table", "ReadingsStoreReadings");
        Map<String, Set<String>> expected = new TreeMap<>();
        for (String action : List.of("dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:Query",
                "dynamodb:PutItem", "dynamodb:DeleteItem")) {
            expected.put(action, Set.of(readings));
        }
        expected.put("sns:Publish", Set.of(TemplateJson.logicalId(jvm, "AWS::SNS::Topic", "AlertChannels")));
        expected.put("kms:Decrypt", Set.of(key()));
        expected.put("kms:GenerateDataKey", Set.of(key()));
        putOwnLogs(expected, "Admissions");

        // no UpdateItem, no other table, no index: reads (a bed's NEWS2 inputs in one batch), a history query, and
        // transactions of puts and deletes
        assertThat(granted("Admissions")).isEqualTo(expected);
    }

    @Test
    void silenceCheck_mayScanDevices_readAndWriteItsStateAndOutbox_publishAlerts_andNothingElse() {
        String readings = TemplateJson.logicalId(jvm, "AWS::DynamoDB::Table", "ReadingsStoreReadings");
        Map<String, Set<String>> expected = new TreeMap<>();
        expected.put("dynamodb:Scan", Set.of(TemplateJson.logicalId(jvm, "AWS::DynamoDB::Table",
                "ReadingsStoreDevices")));
        for (String action : List.of("dynamodb:BatchGetItem", "dynamodb:GetItem",
                "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:ConditionCheckItem")) {
            expected.put(action, Set.of(readings));
        }
        expected.put("sns:Publish", Set.of(TemplateJson.logicalId(jvm, "AWS::SNS::Topic", "AlertChannels")));
        expected.put("kms:Decrypt", Set.of(key()));
        expected.put("kms:GenerateDataKey", Set.of(key()));
        putOwnLogs(expected, "SilentDevices");

        // no quarantine table, no BatchWriteItem, no Query or Scan of readings; the devices table is only scanned
        assertThat(granted("SilentDevices")).isEqualTo(expected);
    }

    @Test
    void presenceFunction_mayReadAndWriteItemsOfReadings_getDevices_quarantine_andSendToTheFailuresQueue_only() {
        String readings = TemplateJson.logicalId(jvm, "AWS::DynamoDB::Table", "ReadingsStoreReadings");
        Map<String, Set<String>> expected = new TreeMap<>();
        expected.put("dynamodb:GetItem", new TreeSet<>(List.of(readings,
                TemplateJson.logicalId(jvm, "AWS::DynamoDB::Table", "ReadingsStoreDevices"))));
        expected.put("dynamodb:PutItem", new TreeSet<>(List.of(readings,
                TemplateJson.logicalId(jvm, "AWS::DynamoDB::Table", "ReadingsStoreQuarantine"))));
        expected.put("dynamodb:UpdateItem", Set.of(readings));
        expected.put("kms:Decrypt", Set.of(key()));
        expected.put("kms:GenerateDataKey", Set.of(key()));
        expected.put("sqs:SendMessage", Set.of(TemplateJson.logicalId(jvm, "AWS::SQS::Queue", "IngestFailureQueue")));
        putOwnLogs(expected, "Presence");

        // no Query, Scan or BatchWriteItem, no SNS, no other queue: item by item in the device's partition
        assertThat(granted("Presence")).isEqualTo(expected);
    }

    /** The alert records: Query of the open ones on their index only, GetItem and PutItem of one; the alert topic. */
    private static Map<String, Set<String>> alertRecordAccess() {
        String readings = TemplateJson.logicalId(jvm, "AWS::DynamoDB::Table", "ReadingsStoreReadings");
        Map<String, Set<String>> expected = new TreeMap<>();
        expected.put("dynamodb:Query", new TreeSet<>(List.of(readings + OPEN_ALERT_INDEX)));
        expected.put("dynamodb:GetItem", Set.of(readings));
        expected.put("dynamodb:PutItem", Set.of(readings));
        expected.put("sns:Publish", Set.of(TemplateJson.logicalId(jvm, "AWS::SNS::Topic", "AlertChannels")));
        expected.put("kms:Decrypt", Set.of(key()));
        expected.put("kms:GenerateDataKey", Set.of(key()));
        return expected;
    }

    @Test
    void escalationCheck_mayQueryTheOpenAlertIndex_getAndPutItemsOfReadings_publishAlerts_andNothingElse() {
        Map<String, Set<String>> expected = alertRecordAccess();
        putOwnLogs(expected, "Escalations");

        // no Scan, no UpdateItem, no other index, no other table: the open records, and each written whole
        assertThat(granted("Escalations")).isEqualTo(expected);
    }

    @Test
    void acknowledgeFunction_mayDoWhatTheEscalationCheckMay_andQueryAndUpdateReadingsItems_forExcursions() {
        String readings = TemplateJson.logicalId(jvm, "AWS::DynamoDB::Table", "ReadingsStoreReadings");
        Map<String, Set<String>> expected = alertRecordAccess();
        expected.get("dynamodb:Query").add(readings);
        expected.put("dynamodb:UpdateItem", Set.of(readings));
        putOwnLogs(expected, "Acknowledgements");

        assertThat(granted("Acknowledgements")).isEqualTo(expected);
    }

    @Test
    void staffApiFunction_mayDoWhatItsEndpointsNeed_readTheAudit_andAppendToIt_only() {
        String readings = TemplateJson.logicalId(jvm, "AWS::DynamoDB::Table", "ReadingsStoreReadings");
        String devices = TemplateJson.logicalId(jvm, "AWS::DynamoDB::Table", "ReadingsStoreDevices");
        String audit = TemplateJson.logicalId(jvm, "AWS::DynamoDB::Table", "AuditTable");
        Map<String, Set<String>> expected = alertRecordAccess();
        // the excursions, device state and presence, admission history (the table); a bed's readings (its index);
        // the audit (GET /audit)
        expected.put("dynamodb:Query", new TreeSet<>(List.of(readings, readings + OPEN_ALERT_INDEX,
                readings + BED_INDEX, audit)));
        // an excursion's acknowledgement (conditional), an alert's record is written whole (PutItem)
        expected.put("dynamodb:UpdateItem", Set.of(readings));
        expected.put("dynamodb:PutItem", new TreeSet<>(List.of(readings, audit)));
        // the beds' latest items, a bed's NEWS2 inputs; the storage unit of a temperature log
        expected.put("dynamodb:BatchGetItem", Set.of(readings));
        // a ward's alert history and admitted beds
        expected.get("dynamodb:Query").add(readings + WARD_INDEX);
        expected.put("dynamodb:GetItem", new TreeSet<>(List.of(readings, devices)));
        // the transactions of admissions, transfers and discharges
        expected.put("dynamodb:DeleteItem", Set.of(readings));
        // the ward's devices and storage units
        expected.put("dynamodb:Scan", Set.of(devices));
        putOwnLogs(expected, "StaffApi");

        // on the audit table PutItem and Query only: no GetItem or Scan, no UpdateItem or DeleteItem; no quarantine
        assertThat(granted("StaffApi")).isEqualTo(expected);
    }

    @Test
    void staffApiFunction_mayQueryTheAuditTable_butNeverUpdateOrDeleteARecord() {
        String audit = TemplateJson.logicalId(jvm, "AWS::DynamoDB::Table", "AuditTable");
        Map<String, Set<String>> granted = granted("StaffApi");
        assertThat(granted.get("dynamodb:Query")).contains(audit);
        assertThat(granted.get("dynamodb:PutItem")).contains(audit);
        for (String change : List.of("dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem",
                "dynamodb:PartiQLUpdate", "dynamodb:PartiQLDelete")) {
            assertThat(granted.getOrDefault(change, Set.of())).as(change).doesNotContain(audit);
        }
    }

    @Test
    void operatorScheduledAndPresenceFunctions_mayUseTheReadingsTableItself_notItsIndexes() {
        for (String construct : List.of("Admissions", "SilentDevices", "Presence")) {
            String role = TemplateJson.logicalId(jvm, "AWS::IAM::Role", construct + "FunctionRole");
            Map<String, Map<String, Object>> policies = jvm.findResources("AWS::IAM::Policy", Map.of("Properties",
                    Match.objectLike(Map.of("Roles", List.of(ref(role))))));
            for (Map<String, Object> statement : statements(policies.values().iterator().next())) {
                assertThat(asList(statement.get("Resource"))).as("%s: %s", construct, statement)
                        .allSatisfy(resource -> assertThat(resource.toString()).doesNotContain("/index/"));
            }
        }
    }

    @Test
    void functionRoles_canBeAssumedOnlyByLambda() {
        for (String construct : List.of("Ingest", "Redrive", "Admissions", "SilentDevices", "Presence",
                "Acknowledgements", "Escalations", "StaffApi")) {
            String role = TemplateJson.logicalId(jvm, "AWS::IAM::Role", construct + "FunctionRole");
            assertThat(jvm.findResources("AWS::IAM::Role", Map.of("Properties", Match.objectLike(Map.of(
                    "AssumeRolePolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                            "Action", "sts:AssumeRole", "Effect", "Allow",
                            "Principal", Map.of("Service", "lambda.amazonaws.com")))),
                    "ManagedPolicyArns", Match.absent()))))).as(construct).containsKey(role);
        }
    }
}
