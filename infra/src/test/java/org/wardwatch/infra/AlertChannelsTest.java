package org.wardwatch.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.tenant.Contact;
import org.wardwatch.model.alert.Severity;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.infra.TemplateJson.arnOf;
import static org.wardwatch.infra.TemplateJson.ref;

class AlertChannelsTest {

    private static Template template;
    private static String topicId;
    private static String keyId;

    @BeforeAll
    static void synthesize() {
        template = SynthesizedTenants.get().jvm;
        topicId = TemplateJson.logicalId(template, "AWS::SNS::Topic", "AlertChannels");
        keyId = TemplateJson.logicalId(template, "AWS::KMS::Key", "DataKey");
    }

    @Test
    void alertTopic_isEncryptedWithTheTenantKey() {
        template.hasResourceProperties("AWS::SNS::Topic", Map.of(
                "TopicName", "wardwatch-st-aurelia-alerts",
                "KmsMasterKeyId", arnOf(keyId)));
    }

    @Test
    void alertTopic_refusesPublishingWithoutTls() {
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of(
                "Topics", List.of(ref(topicId)),
                "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))));
    }

    @Test
    void criticalSmsContact_getsOnlyCriticalAlertsOfItsWards_forTier1() {
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "TopicArn", ref(topicId),
                "Protocol", "sms",
                "Endpoint", "+15555550101",
                "FilterPolicy", Match.objectEquals(Map.of(
                        "severity", List.of("CRITICAL"),
                        "tier", List.of("1"),
                        "ward", List.of("icu", "ward-2")))));
    }

    @Test
    void warningEmailContactWithoutWards_ofTier2_getsWarningAndCriticalOfEveryWard_forTier2() {
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "TopicArn", ref(topicId),
                "Protocol", "email",
                "Endpoint", "charge-nurse@example.org",
                "FilterPolicy", Match.objectEquals(Map.of("severity", List.of("WARNING", "CRITICAL"),
                        "tier", List.of("2")))));
    }

    @Test
    void everyContact_getsExactlyOneSubscription() {
        assertThat(template.findResources("AWS::SNS::Subscription",
                Map.of("Properties", Match.objectLike(Map.of("TopicArn", ref(topicId)))))).hasSize(2);
    }

    @Test
    void subscriptionIds_dependOnTheEndpointNotOnItsPositionAndDoNotContainIt() {
        Contact contact = new Contact(Contact.Protocol.SMS, "+15555550101", Severity.CRITICAL, List.of(), 1);
        Contact sameEndpoint = new Contact(Contact.Protocol.SMS, "+15555550101", Severity.WARNING, List.of("icu"), 2);

        assertThat(AlertChannels.subscriptionId(contact))
                .isEqualTo(AlertChannels.subscriptionId(sameEndpoint))
                .matches("Contact[0-9a-f]{12}")
                .doesNotContain("5555550101");
    }
}
