package org.wardwatch.infra.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TenantConfigReaderTest {

    private static final String VALID = """
            {
              "tenantId": "st-aurelia",
              "account": "111111111111",
              "region": "eu-west-1",
              "contacts": [
                { "protocol": "sms", "endpoint": "+15555550100", "minimumSeverity": "CRITICAL", "wards": ["icu"] },
                { "protocol": "email", "endpoint": "ward-nurse@example.org", "minimumSeverity": "WARNING" }
              ]%s
            }
            """;

    private static List<String> problemsOf(String json) {
        try {
            TenantConfigReader.parse(json, "test.json");
        } catch (TenantConfigException e) {
            assertThat(e.getMessage()).startsWith("invalid tenant configuration test.json:");
            return e.problems();
        }
        throw new AssertionError("expected the configuration to be rejected");
    }

    private static String validWith(String extraFields) {
        return VALID.formatted(extraFields);
    }

    @Test
    void committedExample_isValid() {
        TenantConfig config = TenantConfigReader.read(Path.of("tenants/example-hospital.json"));

        assertThat(config.tenantId()).isEqualTo("example-hospital");
        assertThat(config.account()).isEqualTo("111111111111");
        assertThat(config.contacts()).extracting(Contact::endpoint)
                .containsExactly("+15555550100", "ward-nurse@example.org", "pharmacy@example.org");
        assertThat(config.runtime()).isEqualTo(FunctionRuntime.JVM);
        assertThat(config.reservedConcurrency()).isEqualTo(20);
    }

    @Test
    void omittedOptionalSections_takeTheDocumentedDefaults() {
        TenantConfig config = TenantConfigReader.parse(validWith(""), "test.json");

        assertThat(config.runtime()).isEqualTo(FunctionRuntime.JVM);
        assertThat(config.memoryMb()).isEqualTo(1024);
        assertThat(config.reservedConcurrency()).isNull();
        assertThat(config.readingRetentionDays()).isEqualTo(400);
        assertThat(config.logRetentionDays()).isEqualTo(365);
        assertThat(config.thresholds()).isEmpty();
        assertThat(config.opsEmails()).isEmpty();
        assertThat(config.contacts().get(0))
                .isEqualTo(new Contact(Contact.Protocol.SMS, "+15555550100", Severity.CRITICAL, List.of("icu")));
        assertThat(config.contacts().get(1).wards()).as("no wards means every ward").isEmpty();
    }

    @Test
    void badProtocol_isReportedWithItsField() {
        String json = validWith("").replace("\"protocol\": \"email\"", "\"protocol\": \"pager\"");

        assertThat(problemsOf(json)).containsExactly("contacts[1].protocol: must be sms or email");
    }

    @Test
    void tenantIdOutsideTheAllowedPattern_isRejected() {
        assertThat(problemsOf(validWith("").replace("st-aurelia", "St_Aurelia")))
                .containsExactly("tenantId: must be 3-32 characters of a-z, 0-9 and '-'");
        assertThat(problemsOf(validWith("").replace("st-aurelia", "ab")))
                .containsExactly("tenantId: must be 3-32 characters of a-z, 0-9 and '-'");
        assertThat(problemsOf(validWith("").replace("st-aurelia", "a".repeat(33))))
                .containsExactly("tenantId: must be 3-32 characters of a-z, 0-9 and '-'");
    }

    @Test
    void misspeltField_isAnErrorNotSilentlyIgnored() {
        String json = validWith("").replace("\"minimumSeverity\": \"CRITICAL\"", "\"minSeverity\": \"CRITICAL\"");

        assertThat(problemsOf(json)).containsExactly(
                "contacts[0].minSeverity: unknown field (allowed: protocol, endpoint, minimumSeverity, wards)",
                "contacts[0].minimumSeverity: is required (WARNING or CRITICAL)");
    }

    @Test
    void endpointsMustFitTheirProtocol() {
        String json = validWith("").replace("+15555550100", "555-0100").replace("ward-nurse@example.org", "nurse");

        assertThat(problemsOf(json)).containsExactly(
                "contacts[0].endpoint: an sms endpoint must be an E.164 phone number such as +15555550100",
                "contacts[1].endpoint: an email endpoint must be an email address");
    }

    @Test
    void accountRegionAndContacts_areRequired() {
        assertThat(problemsOf("{\"tenantId\": \"st-aurelia\", \"account\": 111111111111}")).containsExactly(
                "account: must be a string",
                "region: is required",
                "contacts: must be a non-empty list (alerts with no subscriber reach no one)");
    }

    @Test
    void thresholdOverrides_areValidatedBandByBand() {
        String json = validWith("""
                ,
                  "thresholds": {
                    "spo02": [ { "max": 91, "severity": "CRITICAL" } ],
                    "spo2": [ { "severity": "CRITICAL" }, { "min": 95, "max": 93, "severity": "WARNING" } ],
                    "heart_rate": [ { "max": 40, "severity": "URGENT" } ]
                  }""");

        assertThat(problemsOf(json)).containsExactly(
                "thresholds.spo02: unknown metric (known: heart_rate, respiratory_rate, spo2, systolic_bp, "
                        + "diastolic_bp, body_temperature, glucose, storage_temperature, door_open)",
                "thresholds.spo2[0]: needs min, max or both",
                "thresholds.spo2[1]: min 95.0 is greater than max 93.0",
                "thresholds.heart_rate[0].severity: must be WARNING or CRITICAL");
    }

    @Test
    void functionAndRetentionSettings_areRangeChecked() {
        String json = validWith("""
                ,
                  "function": { "runtime": "graal", "memoryMb": 64, "reservedConcurrency": 0 },
                  "retention": { "readingDays": 400, "logDays": 42 }""");

        assertThat(problemsOf(json)).containsExactly(
                "function.runtime: must be jvm or native",
                "function.memoryMb: must be a whole number from 128 to 10240",
                "function.reservedConcurrency: must be a whole number from 1 to 1000",
                "retention.logDays: must be one of CloudWatch Logs' periods [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, "
                        + "180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]");
    }

    @Test
    void duplicateWards_areRejected() {
        String json = validWith("").replace("\"wards\": [\"icu\"]", "\"wards\": [\"icu\", \"icu\"]");

        assertThat(problemsOf(json)).containsExactly("contacts[0].wards[1]: duplicate ward icu");
    }

    @Test
    void invalidJson_isReportedWithItsLine() {
        assertThat(problemsOf("{\n  \"tenantId\": \"x\",\n  oops\n}")).singleElement().asString()
                .startsWith("not valid JSON:").endsWith("(line 3)");
    }

    @Test
    void thresholdsJson_isSortedByMetricWhateverTheFileOrder() {
        String json = validWith("""
                ,
                  "thresholds": {
                    "spo2": [ { "max": 91, "severity": "CRITICAL" }, { "min": 92, "max": 93, "severity": "WARNING" } ],
                    "body_temperature": [ { "min": 38.1, "severity": "WARNING" } ]
                  }""");

        TenantConfig config = TenantConfigReader.parse(json, "test.json");

        assertThat(ThresholdsJson.of(config.thresholds())).isEqualTo(
                "{\"body_temperature\":[{\"min\":38.1,\"severity\":\"WARNING\"}],"
                        + "\"spo2\":[{\"max\":91,\"severity\":\"CRITICAL\"},{\"min\":92,\"max\":93,\"severity\":\"WARNING\"}]}");
    }
}
