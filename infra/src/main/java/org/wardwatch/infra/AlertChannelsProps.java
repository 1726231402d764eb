package org.wardwatch.infra;

import org.wardwatch.model.tenant.TenantNames;
import org.wardwatch.model.tenant.Contact;
import software.amazon.awscdk.services.kms.IKey;

import java.util.List;
import java.util.Objects;

/**
 * What {@link AlertChannels} needs: the tenant's names, the key its topic is encrypted with, and the staff to
 * subscribe.
 */
public record AlertChannelsProps(TenantNames names, IKey encryptionKey, List<Contact> contacts) {

    public AlertChannelsProps {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(encryptionKey, "encryptionKey");
        contacts = List.copyOf(contacts);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private TenantNames names;
        private IKey encryptionKey;
        private List<Contact> contacts = List.of();

        public Builder names(TenantNames names) {
            this.names = names;
            return this;
        }

        public Builder encryptionKey(IKey encryptionKey) {
            this.encryptionKey = encryptionKey;
            return this;
        }

        public Builder contacts(List<Contact> contacts) {
            this.contacts = contacts;
            return this;
        }

        public AlertChannelsProps build() {
            return new AlertChannelsProps(names, encryptionKey, contacts);
        }
    }
}
