package org.wardwatch.infra;

import org.wardwatch.model.tenant.Contact;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sns.StringConditions;
import software.amazon.awscdk.services.sns.Subscription;
import software.amazon.awscdk.services.sns.SubscriptionFilter;
import software.amazon.awscdk.services.sns.SubscriptionProtocol;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alert topic (KMS-encrypted, TLS only) and one subscription per staff contact. Each subscription filters on
 * the message attributes the function sets (functions/README.md): {@code severity} (a WARNING contact also gets
 * CRITICAL), {@code tier} (the contact's tier of the ward's escalation: every message carries the tiers it is for,
 * a String.Array such as {@code ["1","2"]}, which matches when one of them is the contact's) and, unless the contact
 * covers every ward, {@code ward}.
 */
public final class AlertChannels extends Construct {

    private final Topic topic;
    private final IKey encryptionKey;

    public AlertChannels(Construct scope, String id, AlertChannelsProps props) {
        super(scope, id);
        encryptionKey = props.encryptionKey();
        topic = Topic.Builder.create(this, "Topic")
                .topicName(props.names().alertTopic())
                .displayName("wardwatch alerts")
                .masterKey(props.encryptionKey())
                .enforceSsl(true)
                .build();
        List<Contact> contacts = props.contacts();
        for (Contact contact : contacts) {
            Subscription.Builder.create(this, subscriptionId(contact))
                    .topic(topic)
                    .protocol(contact.protocol() == Contact.Protocol.SMS
                            ? SubscriptionProtocol.SMS : SubscriptionProtocol.EMAIL)
                    .endpoint(contact.endpoint())
                    .filterPolicy(filterPolicy(contact))
                    .build();
        }
    }

    /**
     * A construct id derived from the endpoint, so that reordering contacts changes nothing, while keeping phone
     * numbers and addresses out of logical ids (they show up in consoles and logs).
     */
    static String subscriptionId(Contact contact) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (contact.protocol() + ":" + contact.endpoint()).getBytes(StandardCharsets.UTF_8));
            return "Contact" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The filter policy of one contact; ordered, because it is written into the template. */
    static Map<String, SubscriptionFilter> filterPolicy(Contact contact) {
        Map<String, SubscriptionFilter> policy = new LinkedHashMap<>();
        policy.put("severity", SubscriptionFilter.stringFilter(StringConditions.builder()
                .allowlist(contact.minimumSeverity().andAbove()).build()));
        policy.put("tier", SubscriptionFilter.stringFilter(StringConditions.builder()
                .allowlist(List.of(Integer.toString(contact.tier()))).build()));
        if (!contact.wards().isEmpty()) {
            policy.put("ward", SubscriptionFilter.stringFilter(StringConditions.builder()
                    .allowlist(contact.wards()).build()));
        }
        return policy;
    }

    /**
     * Lets the function publish alerts and use the topic's key to do so. Not {@code Topic.grantPublish}, which
     * grants {@code kms:GenerateDataKey*}; publishing to an encrypted topic needs only these two key actions.
     */
    public void grantPublish(IGrantable publisher) {
        Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(publisher)
                .actions(List.of("sns:Publish"))
                .resourceArns(List.of(topic.getTopicArn()))
                .build());
        encryptionKey.grant(publisher, "kms:Decrypt", "kms:GenerateDataKey");
    }

    public Topic topic() {
        return topic;
    }
}
