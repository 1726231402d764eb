package org.wardwatch.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.infra.TemplateJson.arnOf;

class ReadingsStoreTest {

    private static Template template;
    private static String keyId;

    @BeforeAll
    static void synthesize() {
        template = SynthesizedTenants.get().jvm;
        keyId = TemplateJson.logicalId(template, "AWS::KMS::Key", "DataKey");
    }

    private static Map<String, Object> key(String name, String type) {
        return Map.of("AttributeName", name, "KeyType", type);
    }

    private static Map<String, Object> index(String name, String partitionKey) {
        return index(name, partitionKey, "sk");
    }

    private static Map<String, Object> index(String name, String partitionKey, String sortKey) {
        return Map.of("IndexName", name,
                "KeySchema", List.of(key(partitionKey, "HASH"), key(sortKey, "RANGE")),
                "Projection", Map.of("ProjectionType", "ALL"));
    }

    private static Map<String, Object> protectedEncryptedOnDemand() {
        return Map.of(
                "BillingMode", "PAY_PER_REQUEST",
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                "SSESpecification", Map.of("SSEEnabled", true, "SSEType", "KMS", "KMSMasterKeyId", arnOf(keyId)),
                "DeletionProtectionEnabled", true);
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... more) {
        Map<String, Object> map = new java.util.LinkedHashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            map.put((String) more[i], more[i + 1]);
        }
        return map;
    }

    @Test
    void readingsTable_hasTheContractsKeysIndexesAndTtl() {
        template.hasResourceProperties("AWS::DynamoDB::Table", with(protectedEncryptedOnDemand(),
                "TableName", "wardwatch-st-aurelia-readings",
                "KeySchema", List.of(key("pk", "HASH"), key("sk", "RANGE")),
                "GlobalSecondaryIndexes", List.of(index("byBed", "bedKey"), index("byPatient", "patientRef"),
                        index("byOpenAlert", "openIndex", "openKey"), index("byWard", "wardIndex", "wardSort")),
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true)));
    }

    @Test
    void readingsTable_definesEveryKeyOfItsIndexesAsAString() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "TableName", "wardwatch-st-aurelia-readings",
                "AttributeDefinitions", Match.arrayEquals(List.of("pk", "sk", "bedKey", "patientRef", "openIndex",
                        "openKey", "wardIndex", "wardSort").stream().map(name -> Map.of("AttributeName", name, "AttributeType", "S")).toList())));
    }

    @Test
    void quarantineTable_isIndexedByReason() {
        template.hasResourceProperties("AWS::DynamoDB::Table", with(protectedEncryptedOnDemand(),
                "TableName", "wardwatch-st-aurelia-quarantine",
                "KeySchema", List.of(key("pk", "HASH"), key("sk", "RANGE")),
                "GlobalSecondaryIndexes", List.of(index("byReason", "reason")),
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true)));
    }

    @Test
    void devicesTable_isKeyedByThingNameAndNeverExpires() {
        template.hasResourceProperties("AWS::DynamoDB::Table", with(protectedEncryptedOnDemand(),
                "TableName", "wardwatch-st-aurelia-devices",
                "KeySchema", List.of(key("thingName", "HASH")),
                "AttributeDefinitions", List.of(Map.of("AttributeName", "thingName", "AttributeType", "S")),
                "GlobalSecondaryIndexes", Match.absent(),
                "TimeToLiveSpecification", Match.absent()));
    }

    @Test
    void everyTable_isRetainedWhenTheStackIsDeleted() {
        // readings, quarantine, devices and the audit (AuditTest)
        template.resourceCountIs("AWS::DynamoDB::Table", 4);
        assertThat(template.findResources("AWS::DynamoDB::Table", Map.of(
                "DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"))).hasSize(4);
    }

    @Test
    void tenantKey_rotatesAndIsRetained() {
        template.resourceCountIs("AWS::KMS::Key", 1);
        template.hasResource("AWS::KMS::Key", Map.of(
                "Properties", Match.objectLike(Map.of("EnableKeyRotation", true)),
                "DeletionPolicy", "Retain"));
        template.hasResourceProperties("AWS::KMS::Alias", Map.of(
                "AliasName", "alias/wardwatch-st-aurelia-data",
                "TargetKeyId", arnOf(keyId)));
    }
}
