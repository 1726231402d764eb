package org.wardwatch.localstack.broker;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateDescription;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/**
 * What IoT Core's registry says about a connecting client: the certificate it presented, whether that certificate
 * is registered and ACTIVE, whether it is attached to the thing named by the client id, and the policies attached
 * to it. Read from the (emulated) IoT control plane on every connect; {@link #certificateStatuses} lets the broker end
 * the live sessions of certificates revoked or deactivated since.
 */
public final class IotRegistryView {

    /** A client the registry accepts, with what its policies are evaluated against. */
    public record Identity(String thingName, String certificateArn, String region, String account,
                           List<IotPolicy> policies) {
        /** The certificate's id, the last part of its ARN. */
        public String certificateId() {
            return certificateArn.substring(certificateArn.lastIndexOf('/') + 1);
        }
    }

    /** Why a client was refused. */
    public static final class Refusal extends Exception {
        public Refusal(String message) {
            super(message);
        }
    }

    private final IotClient iot;

    public IotRegistryView(IotClient iot) {
        this.iot = iot;
    }

    public Identity resolve(String clientId, X509Certificate presented) throws Refusal {
        List<String> principals;
        try {
            principals = iot.listThingPrincipalsPaginator(b -> b.thingName(clientId)).principals().stream().toList();
        } catch (ResourceNotFoundException e) {
            throw new Refusal("no thing named by the client id");
        }
        for (String principal : principals) {
            if (!principal.contains(":cert/")) {
                continue;
            }
            String certificateId = principal.substring(principal.lastIndexOf('/') + 1);
            CertificateDescription description = iot.describeCertificate(b -> b.certificateId(certificateId))
                    .certificateDescription();
            if (!sameCertificate(description.certificatePem(), presented)) {
                continue;
            }
            if (description.status() != CertificateStatus.ACTIVE) {
                throw new Refusal("certificate is " + description.statusAsString());
            }
            List<IotPolicy> policies = new ArrayList<>();
            for (var attached : iot.listAttachedPoliciesPaginator(b -> b.target(principal)).policies()) {
                String document = iot.getPolicy(g -> g.policyName(attached.policyName())).policyDocument();
                try {
                    policies.add(IotPolicy.parse(document));
                } catch (IllegalArgumentException e) {
                    throw new Refusal("policy " + attached.policyName() + " is refused: " + e.getMessage());
                }
            }
            // arn:aws:iot:<region>:<account>:cert/<id>
            String[] arn = principal.split(":", 6);
            return new Identity(clientId, principal, arn[3], arn[4], policies);
        }
        throw new Refusal("the certificate is not attached to the thing named by the client id");
    }

    /**
     * The status of every registered certificate, by certificate id, in one listing: what the broker checks its
     * live sessions against, as IoT Core ends the sessions of a certificate that is no longer ACTIVE.
     */
    public Map<String, String> certificateStatuses() {
        Map<String, String> statuses = new HashMap<>();
        iot.listCertificatesPaginator(b -> b.pageSize(250)).certificates()
                .forEach(c -> statuses.put(c.certificateId(), c.statusAsString()));
        return statuses;
    }

    private static boolean sameCertificate(String pem, X509Certificate presented) {
        try {
            X509Certificate registered = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            return Arrays.equals(registered.getEncoded(), presented.getEncoded());
        } catch (CertificateException e) {
            return false;
        }
    }
}
