package org.wardwatch.model.tenant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.coldchain.StorageProfile;
import org.wardwatch.model.device.TenantId;
import org.wardwatch.model.escalation.EscalationPolicy;
import org.wardwatch.model.escalation.EscalationStep;
import org.wardwatch.model.reading.Metric;

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
        } catch (InvalidConfigurationException e) {
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
        TenantConfig config = TenantConfigReader.read(Path.of(System.getProperty("wardwatchRoot", ".."), "infra/tenants/example-hospital.json"));

        assertThat(config.tenantId()).isEqualTo("example-hospital");
        assertThat(config.account()).isEqualTo("111111111111");
        assertThat(config.contacts()).extracting(Contact::endpoint)
                .containsExactly("+15555550100", "ward-nurse@example.org", "pharmacy@example.org");
        assertThat(config.runtime()).isEqualTo(FunctionRuntime.JVM);
        assertThat(config.reservedConcurrency()).isEqualTo(20);
        assertThat(config.thresholds()).containsOnlyKeys(Metric.SPO2);
        assertThat(config.timeZone()).isEqualTo("Europe/London");
        assertThat(config.deviceIntervals()).isEqualTo(new DeviceIntervals(60, 300));
        assertThat(config.coldChain().storageProfiles()).containsExactly(
                Map.entry("blood_fridge", new StorageProfile("blood_fridge", celsius("2.0"), celsius("6.0"), celsius("0.0"))));
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
        assertThat(config.timeZone()).as("the function's default").isEqualTo("UTC");
        assertThat(config.coldChain()).as("no coldChain block: the function's defaults").isEqualTo(ColdChain.DEFAULTS);
        assertThat(config.deviceIntervals()).as("no devices block: the function's defaults")
                .isEqualTo(DeviceIntervals.DEFAULTS);
        assertThat(config.contacts().get(0))
                .isEqualTo(new Contact(Contact.Protocol.SMS, "+15555550100", Severity.CRITICAL, List.of("icu"), 1));
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
                .containsExactly("tenantId: must be " + TenantId.RULE);
        assertThat(problemsOf(validWith("").replace("st-aurelia", "ab")))
                .containsExactly("tenantId: must be " + TenantId.RULE);
        assertThat(problemsOf(validWith("").replace("st-aurelia", "-st-aurelia")))
                .as("device-certs' rule: no leading hyphen").containsExactly("tenantId: must be " + TenantId.RULE);
        assertThat(problemsOf(validWith("").replace("st-aurelia", "a".repeat(33))))
                .containsExactly("tenantId: must be " + TenantId.RULE);
    }

    @Test
    void misspeltField_isAnErrorNotSilentlyIgnored() {
        String json = validWith("").replace("\"minimumSeverity\": \"CRITICAL\"", "\"minSeverity\": \"CRITICAL\"");

        assertThat(problemsOf(json)).containsExactly(
                "contacts[0].minSeverity: unknown field (allowed: protocol, endpoint, minimumSeverity, wards, tier)",
                "contacts[0].minimumSeverity: is required (WARNING or CRITICAL)");
    }

    @Test
    void aContactsTier_isRead_andOneNamingNoneIsTier1() {
        String json = validWith("").replace("\"minimumSeverity\": \"WARNING\"",
                "\"minimumSeverity\": \"WARNING\", \"tier\": 3");

        assertThat(TenantConfigReader.parse(json, "test.json").contacts()).extracting(Contact::tier)
                .containsExactly(1, 3);
        assertThat(Contact.DEFAULT_TIER).isEqualTo(1);
    }

    @ParameterizedTest(name = "tier {0}")
    @ValueSource(strings = {"0", "4", "-1", "1.5", "\"2\"", "null", "true"})
    void aTierOtherThan1To3_isOneLine(String tier) {
        String json = validWith("").replace("\"minimumSeverity\": \"WARNING\"",
                "\"minimumSeverity\": \"WARNING\", \"tier\": " + tier);

        assertThat(problemsOf(json)).containsExactly("contacts[1].tier: must be 1 (the ward's nurses), 2 (the nurse "
                + "in charge) or 3 (outreach, rapid response or the doctor on call)");
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
                "thresholds.spo02: unknown metric (metrics with threshold bands: heart_rate, respiratory_rate, "
                        + "spo2, systolic_bp, diastolic_bp, body_temperature, glucose, room_temperature, relative_humidity, "
                        + "co2, pm2_5, differential_pressure)",
                "thresholds.spo2[0]: needs min or above, max or below, or both",
                "thresholds.spo2[1]: min 95 is above max 93",
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
    void timeZone_isAZoneIdTheFunctionAccepts() {
        assertThat(TenantConfigReader.parse(validWith(",\n  \"timeZone\": \"America/New_York\""), "test.json")
                .timeZone()).isEqualTo("America/New_York");
        assertThat(problemsOf(validWith(",\n  \"timeZone\": \"Europe/Londn\""))).containsExactly(
                "timeZone: must be a time zone id such as Europe/London or UTC");
        assertThat(problemsOf(validWith(",\n  \"timeZone\": \"BST\""))).as("an abbreviation is not a zone id")
                .containsExactly("timeZone: must be a time zone id such as Europe/London or UTC");
        assertThat(problemsOf(validWith(",\n  \"timeZone\": 1"))).containsExactly("timeZone: must be a string");
    }

    @Test
    void deviceIntervals_areRead_andThoseLeftOutStayUnsetSoTheFunctionsDefaultsApply() {
        assertThat(TenantConfigReader.parse(validWith("""
                ,
                  "devices": { "vitalsIntervalSeconds": 10, "storageIntervalSeconds": 86400 }"""), "test.json")
                .deviceIntervals()).isEqualTo(new DeviceIntervals(10, 86400));
        assertThat(TenantConfigReader.parse(validWith("""
                ,
                  "devices": { "storageIntervalSeconds": 900 }"""), "test.json")
                .deviceIntervals()).isEqualTo(new DeviceIntervals(null, 900));
        assertThat(TenantConfigReader.parse(validWith(",\n  \"devices\": {}"), "test.json").deviceIntervals())
                .isEqualTo(DeviceIntervals.DEFAULTS);
    }

    @Test
    void deviceIntervals_reportEveryProblemWithItsField() {
        String json = validWith("""
                ,
                  "devices": { "vitalsIntervalSeconds": 9, "storageIntervalSeconds": 86401, "presenceSeconds": 5 }""");

        assertThat(problemsOf(json)).containsExactly(
                "devices.presenceSeconds: unknown field (allowed: vitalsIntervalSeconds, storageIntervalSeconds)",
                "devices.vitalsIntervalSeconds: must be a whole number of seconds from 10 to 86400",
                "devices.storageIntervalSeconds: must be a whole number of seconds from 10 to 86400");
        assertThat(problemsOf(validWith("""
                ,
                  "devices": { "vitalsIntervalSeconds": 60.5, "storageIntervalSeconds": "300" }"""))).containsExactly(
                "devices.vitalsIntervalSeconds: must be a whole number of seconds from 10 to 86400",
                "devices.storageIntervalSeconds: must be a whole number of seconds from 10 to 86400");
        assertThat(problemsOf(validWith(",\n  \"devices\": [60, 300]"))).containsExactly("devices: must be an object");
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
    void theFunctionsFile_doesNotDependOnTheFilesOrder_andReadsBackToTheSameTableWardsEscalationsAndNews2Settings() {
        String bands = """
                    "spo2": [ { "max": 91, "severity": "CRITICAL" }, { "min": 92, "max": 93, "severity": "WARNING" } ],
                    "body_temperature": [ { "above": 38.0, "severity": "WARNING" } ],
                    "heart_rate": { "clearSides": ["high"], "removesCritical": true, "reason": "paced" }""";
        String reordered = """
                    "heart_rate": { "clearSides": ["high"], "removesCritical": true, "reason": "paced" },
                    "body_temperature": [ { "above": 38.0, "severity": "WARNING" } ],
                    "spo2": [ { "max": 91, "severity": "CRITICAL" }, { "min": 92, "max": 93, "severity": "WARNING" } ]""";
        String escalation = """
                    "escalation": { "critical": [ { "afterMinutes": 2, "tier": 1 }, { "afterMinutes": 4, "tier": 3 } ],
                                    "warning": [] }""";
        String wards = """
                    "W5": { "vitals": "news2", %s }, "ICU": { "vitals": "thresholds" }, "W6": {},
                    "Day unit": { "escalation": { "warning": [ { "afterMinutes": 30, "tier": 2, "kind": "reminder" } ] } }"""
                .formatted(escalation);
        String wardsReordered = """
                    "W6": {}, "Day unit": { "escalation": { "warning": [ { "afterMinutes": 30, "tier": 2, "kind": "reminder" } ] } },
                    "W5": { %s, "vitals": "news2" }, "ICU": { "vitals": "thresholds" }""".formatted(escalation);
        String news2 = ",\n  \"news2\": { \"windowMinutes\": 30, \"resolveSeconds\": 0, \"observationMinutes\": 480 }";
        TenantConfig config = TenantConfigReader.parse(validWith(",\n  \"thresholds\": {" + bands + "}"
                + ",\n  \"wards\": {" + wards + "}" + news2), "a.json");
        TenantConfig same = TenantConfigReader.parse(validWith(",\n  \"wards\": {" + wardsReordered + "}"
                + news2 + ",\n  \"thresholds\": {" + reordered + "}"), "b.json");

        String file = FunctionConfigFile.json(config);
        assertThat(file).isEqualTo(FunctionConfigFile.json(same));
        FunctionConfig function = FunctionConfigReader.parse(file, "f.json");
        assertThat(function.thresholds().describe())
                .isEqualTo(config.effectiveThresholds().describe())
                .contains("body_temperature (Cel): < 35.1 CRITICAL, > 38.0 WARNING", "heart_rate (/min): < 41 CRITICAL");
        assertThat(function.wardVitals()).isEqualTo(config.wardVitals()).containsOnly(
                Map.entry("Day unit", VitalsPolicy.THRESHOLDS), Map.entry("ICU", VitalsPolicy.THRESHOLDS),
                Map.entry("W5", VitalsPolicy.NEWS2), Map.entry("W6", VitalsPolicy.THRESHOLDS));
        assertThat(function.wardEscalation()).isEqualTo(config.wardEscalation()).containsOnlyKeys("Day unit", "W5");
        assertThat(function.escalationOf("W5")).isEqualTo(new EscalationPolicy(
                List.of(new EscalationStep(Duration.ofMinutes(2), 1, EscalationStep.Kind.REMINDER),
                        new EscalationStep(Duration.ofMinutes(4), 3, EscalationStep.Kind.UNACKNOWLEDGED)),
                List.of()));
        assertThat(function.escalationOf("Day unit").warning()).containsExactly(
                new EscalationStep(Duration.ofMinutes(30), 2, EscalationStep.Kind.REMINDER));
        assertThat(function.escalationOf("ICU")).isEqualTo(EscalationPolicy.defaults());
        assertThat(function.news2()).isEqualTo(config.news2()).isNotEqualTo(News2Settings.DEFAULTS);
        assertThat(file).containsSubsequence("\"Day unit\"", "\"ICU\"", "\"W5\"", "\"W6\"");
        FunctionConfig defaults = FunctionConfigReader.parse(FunctionConfigFile.json(
                TenantConfigReader.parse(validWith(""), "c.json")), "f.json");
        assertThat(defaults.wardVitals()).isEmpty();
        assertThat(defaults.wardEscalation()).isEmpty();
        assertThat(defaults.news2()).isEqualTo(News2Settings.DEFAULTS);
    }

    private static BigDecimal celsius(String value) {
        return new BigDecimal(value);
    }

    @Test
    void coldChainBlock_isReadWithProfilesSortedByNameAndTemperaturesAtOneDecimal() {
        String json = validWith("""
                ,
                  "coldChain": {
                    "excursionWarningMinutes": 0,
                    "excursionCriticalMinutes": 0,
                    "doorOpenWarningMinutes": 2,
                    "retentionDays": 1827,
                    "storageProfiles": {
                      "plasma_freezer": { "min": -40, "max": -25 },
                      "blood_fridge": { "min": 2, "max": 6.0, "freezeAtOrBelow": -0.5 },
                      "vaccine_fridge": { "min": 2.0, "max": 8.0, "freezeAtOrBelow": null }
                    }
                  }""");

        ColdChain coldChain = TenantConfigReader.parse(json, "test.json").coldChain();

        assertThat(coldChain.excursionWarningMinutes()).as("0 alerts at the first reading out of range").isZero();
        assertThat(coldChain.excursionCriticalMinutes()).isZero();
        assertThat(coldChain.doorOpenWarningMinutes()).isEqualTo(2);
        assertThat(coldChain.retentionDays()).isEqualTo(1827);
        assertThat(coldChain.storageProfiles()).containsExactly(
                Map.entry("blood_fridge", new StorageProfile("blood_fridge", celsius("2.0"), celsius("6.0"), celsius("-0.5"))),
                Map.entry("plasma_freezer", new StorageProfile("plasma_freezer", celsius("-40.0"), celsius("-25.0"), null)),
                Map.entry("vaccine_fridge", new StorageProfile("vaccine_fridge", celsius("2.0"), celsius("8.0"), null)));
    }

    @Test
    void coldChainSettingsLeftOut_stayUnsetSoTheFunctionsDefaultsApply() {
        ColdChain coldChain = TenantConfigReader.parse(validWith("""
                ,
                  "coldChain": { "excursionCriticalMinutes": 90 }"""), "test.json").coldChain();

        assertThat(coldChain).isEqualTo(new ColdChain(null, 90, null, null, Map.of()));
        assertThat(TenantConfigReader.parse(validWith(",\n  \"coldChain\": {}"), "test.json").coldChain())
                .isEqualTo(ColdChain.DEFAULTS);
    }

    @Test
    void coldChainBlock_reportsEveryProblemWithItsField() {
        String json = validWith("""
                ,
                  "coldChain": {
                    "excursionWarningMinutes": -1,
                    "excursionCriticalMinutes": 7.5,
                    "doorOpenWarningMinutes": "5",
                    "retentionDays": 0,
                    "alarmMinutes": 5,
                    "storageProfiles": {
                      "Blood-Fridge": { "min": 2.0, "max": 6.0 },
                      "blood_fridge": { "min": 2.0 },
                      "plasma_freezer": { "min": -40, "max": -25, "note": "FFP" },
                      "platelets": 22,
                      "too_precise": { "min": 20.05, "max": 24.0 },
                      "too_cold": { "min": -196.0, "max": -150.0 },
                      "not_numbers": { "min": "2", "max": 6.0, "freezeAtOrBelow": false },
                      "upside_down": { "min": 8.0, "max": 2.0 },
                      "freeze_in_range": { "min": 2.0, "max": 8.0, "freezeAtOrBelow": 2.0 }
                    }
                  }""");

        assertThat(problemsOf(json)).containsExactly(
                "coldChain.alarmMinutes: unknown field (allowed: excursionWarningMinutes, excursionCriticalMinutes, "
                        + "doorOpenWarningMinutes, retentionDays, storageProfiles)",
                "coldChain.excursionWarningMinutes: must be a whole number of minutes, 0 or more",
                "coldChain.excursionCriticalMinutes: must be a whole number of minutes, 0 or more",
                "coldChain.doorOpenWarningMinutes: must be a whole number of minutes, 0 or more",
                "coldChain.retentionDays: must be a whole number from 1 to 3653",
                "coldChain.storageProfiles.Blood-Fridge: a profile name must be 1-64 characters of a-z, 0-9 and '_'",
                "coldChain.storageProfiles.blood_fridge.max: is required",
                "coldChain.storageProfiles.plasma_freezer.note: unknown field (allowed: min, max, freezeAtOrBelow)",
                "coldChain.storageProfiles.platelets: must be an object with min, max and optionally "
                        + "freezeAtOrBelow",
                "coldChain.storageProfiles.too_precise.min: must be degC with at most one decimal, from -100 to 100",
                "coldChain.storageProfiles.too_cold.min: must be degC with at most one decimal, from -100 to 100",
                "coldChain.storageProfiles.too_cold.max: must be degC with at most one decimal, from -100 to 100",
                "coldChain.storageProfiles.not_numbers.min: must be a number (degC)",
                "coldChain.storageProfiles.not_numbers.freezeAtOrBelow: must be a number (degC)",
                "coldChain.storageProfiles.upside_down: min 8.0 is above max 2.0",
                "coldChain.storageProfiles.freeze_in_range.freezeAtOrBelow: must be below min 2.0");
    }

    @Test
    void excursionCriticalDelay_mustNotComeBeforeTheWarning_countingTheFunctionsDefaults() {
        assertThat(problemsOf(validWith("""
                ,
                  "coldChain": { "excursionWarningMinutes": 30, "excursionCriticalMinutes": 20 }""")))
                .containsExactly("coldChain.excursionCriticalMinutes: must be at least excursionWarningMinutes (30)");
        assertThat(problemsOf(validWith("""
                ,
                  "coldChain": { "excursionCriticalMinutes": 10 }""")))
                .containsExactly("coldChain.excursionCriticalMinutes: must be at least excursionWarningMinutes "
                        + "(15, the default)");
        assertThat(problemsOf(validWith("""
                ,
                  "coldChain": { "excursionWarningMinutes": 90 }""")))
                .containsExactly("coldChain.excursionWarningMinutes: must be at most excursionCriticalMinutes "
                        + "(60, the default)");

        ColdChain equal = TenantConfigReader.parse(validWith("""
                ,
                  "coldChain": { "excursionWarningMinutes": 60 }"""), "test.json").coldChain();
        assertThat(equal.excursionWarningMinutes()).as("a warning delay equal to the critical one is allowed")
                .isEqualTo(60);
    }

    @Test
    void coldChainAndItsProfiles_mustBeObjects() {
        assertThat(problemsOf(validWith(",\n  \"coldChain\": [15, 60]")))
                .containsExactly("coldChain: must be an object");
        assertThat(problemsOf(validWith(",\n  \"coldChain\": { \"storageProfiles\": [] }"))).containsExactly(
                "coldChain.storageProfiles: must be an object of profile name -> {min, max, freezeAtOrBelow}");
    }

    @Test
    void storageTemperatureAndDoorOpen_takeNoThresholdBands() {
        String json = validWith("""
                ,
                  "thresholds": {
                    "storage_temperature": [ { "max": 1.9, "severity": "CRITICAL" } ],
                    "door_open": [ { "min": 1, "severity": "WARNING" } ]
                  }""");

        assertThat(problemsOf(json)).containsExactly(
                "thresholds.storage_temperature: storage temperatures are watched by the cold chain (storage "
                        + "profiles and excursion delays), not by threshold bands",
                "thresholds.door_open: takes no threshold bands");
    }

    @Test
    void manyStorageProfiles_areAccepted_theyReachTheFunctionInAFileNotItsEnvironment() {
        StringBuilder profiles = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            profiles.append(i == 0 ? "" : ",").append("\"fridge_").append("x".repeat(50)).append(i)
                    .append("\": { \"min\": 2.0, \"max\": 8.0, \"freezeAtOrBelow\": 0.0 }");
        }
        TenantConfig config = TenantConfigReader.parse(
                validWith(",\n  \"coldChain\": { \"storageProfiles\": {" + profiles + "} }"), "test.json");

        assertThat(FunctionConfigFile.json(config).length()).as("well over Lambda's 4 KB environment").isGreaterThan(8000);
        assertThat(FunctionConfigReader.parse(FunctionConfigFile.json(config), "f.json").storageProfiles())
                .hasSize(103);
    }
}
