package org.wardwatch.devicecerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.wardwatch.model.device.TenantId;
import org.wardwatch.model.device.ThingName;
import org.wardwatch.model.tenant.TenantNames;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.IotClientBuilder;
import software.amazon.awssdk.services.iot.model.AttributePayload;
import software.amazon.awssdk.services.iot.model.CACertificateStatus;
import software.amazon.awssdk.services.iot.model.CertificateMode;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.Policy;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/**
 * Puts a tenant's devices into AWS IoT and its devices table, and takes them out again. Every step first reads what
 * is there and changes only what differs, so running a command twice changes nothing the second time.
 */
public final class IotRegistrar {

    private final IotClient iot;
    private final DeviceRegistry registry;
    private final Set<TenantId> policiesChecked = new HashSet<>();
    private final Set<TenantId> thingTypesChecked = new HashSet<>();

    public IotRegistrar(IotClient iot, DeviceRegistry registry) {
        this.iot = iot;
        this.registry = registry;
    }

    /**
     * A builder of the IoT client a registrar needs: over the SDK's Apache HTTP client, because registering a moved
     * device again updates its thing with {@code UpdateThing}, an HTTP {@code PATCH}, which the SDK's url-connection
     * client cannot send ({@code Invalid HTTP method: PATCH}). Endpoint, region and credentials are the caller's.
     */
    public static IotClientBuilder iotClientBuilder() {
        return IotClient.builder().httpClientBuilder(ApacheHttpClient.builder());
    }

    /** The devices table this registrar writes. */
    public DeviceRegistry registry() {
        return registry;
    }

    /**
     * The tenant CA's registration, registering it if AWS IoT does not know it yet. The CA key is needed only then
     * (to sign the verification certificate), so it is asked for lazily.
     */
    public CaRegistration ensureCa(X509Certificate caCertificate, Supplier<TenantCa> caWithKey) {
        Optional<CaRegistration> known = findCa(caCertificate);
        if (known.isPresent()) {
            return known.get();
        }
        TenantCa ca = caWithKey.get();
        String code = iot.getRegistrationCode(b -> { }).registrationCode();
        Instant now = Instant.now();
        X509Certificate verification = ca.verificationCertificate(code,
                new Validity(now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(1))));
        try {
            var response = iot.registerCACertificate(b -> b
                    .caCertificate(Pem.certificate(caCertificate))
                    .verificationCertificate(Pem.certificate(verification))
                    .certificateMode(CertificateMode.DEFAULT)
                    .setAsActive(true)
                    .allowAutoRegistration(false));
            return new CaRegistration(response.certificateId(), response.certificateArn(), true);
        } catch (ResourceAlreadyExistsException e) {
            return describeCa(e.resourceId()).orElseThrow(() -> e);
        }
    }

    /**
     * Finds the CA by its certificate id. AWS IoT's id is the SHA-256 of the DER certificate; the emulator (moto)
     * hashes the PEM text it was sent, so both are tried.
     */
    public Optional<CaRegistration> findCa(X509Certificate caCertificate) {
        for (String id : candidateIds(caCertificate)) {
            Optional<CaRegistration> found = describeCa(id);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * Registers a device: certificate ACTIVE (signed by the registered tenant CA), the thing with its attributes,
     * the thing-principal attachment, the tenant's device policy on the certificate, and the devices table item.
     */
    public Registration register(DeviceSpec spec, X509Certificate certificate, X509Certificate caCertificate,
                                 CaRegistration ca) {
        List<String> changes = new ArrayList<>();
        String policy = ensurePolicy(spec.tenant(), ca, changes);
        String[] idAndArn = ensureCertificateActive(spec.thing(), certificate, caCertificate, changes);
        String certificateId = idAndArn[0];
        String certificateArn = idAndArn[1];
        ensureThing(spec, changes);
        if (!thingPrincipals(spec.thing()).contains(certificateArn)) {
            iot.attachThingPrincipal(b -> b.thingName(spec.thing().value()).principal(certificateArn));
            changes.add("certificate attached to thing");
        }
        if (!attachedPolicies(certificateArn).contains(policy)) {
            iot.attachPolicy(b -> b.policyName(policy).target(certificateArn));
            changes.add("policy " + policy + " attached");
        }
        if (registry.recordActive(spec, certificateId)) {
            changes.add("devices table item written (" + registry.table() + ")");
        }
        return new Registration(spec.thing(), certificateId, changes);
    }

    /**
     * Registers the device's new certificate next to its old one, which stays ACTIVE until
     * {@link #finishRotation}; the devices table names the new one and remembers the old.
     */
    public Registration rotate(DeviceSpec spec, X509Certificate newCertificate, X509Certificate caCertificate,
                               CaRegistration ca, String previousCertificateId) {
        Registration registration = register(spec, newCertificate, caCertificate, ca);
        List<String> changes = new ArrayList<>(registration.changes());
        if (registry.recordPreviousCertificate(spec.thing(), previousCertificateId)) {
            changes.add("devices table remembers the previous certificate");
        }
        return new Registration(spec.thing(), registration.certificateId(), changes);
    }

    /** Ends a rotation: the previous certificate INACTIVE, detached from the thing and the policy. */
    public Registration finishRotation(ThingName thing, TenantId tenant, String previousCertificateId) {
        List<String> changes = new ArrayList<>();
        retire(thing, tenant, previousCertificateId, CertificateStatus.INACTIVE, changes);
        if (registry.find(thing).isPresent() && registry.recordPreviousCertificate(thing, null)) {
            changes.add("devices table forgets the previous certificate");
        }
        return new Registration(thing, previousCertificateId, changes);
    }

    /**
     * Revokes every certificate of the device: those attached to its thing and those given (for certificates that
     * are registered but no longer attached). Each is REVOKED and detached; the device becomes INACTIVE.
     */
    public Registration revoke(ThingName thing, TenantId tenant, Set<String> knownCertificateIds) {
        Set<String> ids = new LinkedHashSet<>(knownCertificateIds);
        if (thingExists(thing)) {
            for (String principal : thingPrincipals(thing)) {
                if (principal.contains(":cert/")) {
                    ids.add(principal.substring(principal.indexOf(":cert/") + ":cert/".length()));
                }
            }
        }
        List<String> changes = new ArrayList<>();
        for (String id : ids) {
            retire(thing, tenant, id, CertificateStatus.REVOKED, changes);
        }
        if (registry.recordInactive(thing)) {
            changes.add("devices table item INACTIVE");
        }
        return new Registration(thing, String.join(",", ids), changes);
    }

    /** The endpoint devices connect to (the ATS data endpoint). */
    public String dataEndpoint() {
        return iot.describeEndpoint(b -> b.endpointType("iot:Data-ATS")).endpointAddress();
    }

    private void retire(ThingName thing, TenantId tenant, String certificateId, CertificateStatus status,
                        List<String> changes) {
        String arn;
        try {
            var description = iot.describeCertificate(b -> b.certificateId(certificateId)).certificateDescription();
            arn = description.certificateArn();
            boolean alreadyRevoked = description.status() == CertificateStatus.REVOKED;
            if (description.status() != status && !alreadyRevoked) {
                iot.updateCertificate(b -> b.certificateId(certificateId).newStatus(status));
                changes.add("certificate " + shortId(certificateId) + " " + status);
            }
        } catch (ResourceNotFoundException e) {
            return; // not registered in this account: nothing to retire
        }
        String policy = TenantNames.of(tenant).devicePolicy();
        if (attachedPolicies(arn).contains(policy)) {
            iot.detachPolicy(b -> b.policyName(policy).target(arn));
            changes.add("policy " + policy + " detached from " + shortId(certificateId));
        }
        if (thingExists(thing) && thingPrincipals(thing).contains(arn)) {
            iot.detachThingPrincipal(b -> b.thingName(thing.value()).principal(arn));
            changes.add("certificate " + shortId(certificateId) + " detached from thing");
        }
    }

    private String ensurePolicy(TenantId tenant, CaRegistration ca, List<String> changes) {
        String name = TenantNames.of(tenant).devicePolicy();
        if (policiesChecked.contains(tenant)) {
            return name;
        }
        String wanted = DevicePolicy.document(ca.region(), ca.account(), tenant);
        try {
            String current = iot.getPolicy(b -> b.policyName(name)).policyDocument();
            if (!DevicePolicy.sameDocument(current, wanted)) {
                iot.createPolicyVersion(b -> b.policyName(name).policyDocument(wanted).setAsDefault(true));
                changes.add("policy " + name + " updated to a new default version");
            }
        } catch (ResourceNotFoundException e) {
            iot.createPolicy(b -> b.policyName(name).policyDocument(wanted));
            changes.add("policy " + name + " created");
        }
        policiesChecked.add(tenant);
        return name;
    }

    /** Returns {certificateId, certificateArn}. */
    private String[] ensureCertificateActive(ThingName thing, X509Certificate certificate,
                                             X509Certificate caCertificate, List<String> changes) {
        try {
            var response = iot.registerCertificate(b -> b
                    .certificatePem(Pem.certificate(certificate))
                    .caCertificatePem(Pem.certificate(caCertificate))
                    .status(CertificateStatus.ACTIVE));
            changes.add("certificate " + shortId(response.certificateId()) + " registered ACTIVE");
            return new String[] {response.certificateId(), response.certificateArn()};
        } catch (ResourceAlreadyExistsException e) {
            String id = e.resourceId();
            var description = iot.describeCertificate(b -> b.certificateId(id)).certificateDescription();
            if (description.status() == CertificateStatus.REVOKED) {
                throw new DeviceStateException("the certificate of " + thing + " is REVOKED in AWS IoT; "
                        + "a revoked device needs a new identity");
            }
            if (description.status() != CertificateStatus.ACTIVE) {
                iot.updateCertificate(b -> b.certificateId(id).newStatus(CertificateStatus.ACTIVE));
                changes.add("certificate " + shortId(id) + " ACTIVE again");
            }
            return new String[] {id, description.certificateArn()};
        }
    }

    private void ensureThing(DeviceSpec spec, List<String> changes) {
        Map<String, String> wanted = spec.thingAttributes();
        String type = ensureThingType(spec.tenant(), changes);
        try {
            var current = iot.describeThing(b -> b.thingName(spec.thing().value()));
            if (!wanted.equals(current.attributes()) || !type.equals(current.thingTypeName())) {
                iot.updateThing(b -> b.thingName(spec.thing().value()).thingTypeName(type)
                        .attributePayload(AttributePayload.builder().attributes(wanted).merge(false).build()));
                changes.add(type.equals(current.thingTypeName()) ? "thing attributes updated"
                        : "thing attributes and type updated");
            }
        } catch (ResourceNotFoundException e) {
            iot.createThing(b -> b.thingName(spec.thing().value()).thingTypeName(type)
                    .attributePayload(AttributePayload.builder().attributes(wanted).build()));
            changes.add("thing created");
        }
    }

    /**
     * The tenant's device thing type, created when AWS IoT does not have it: a thing without a type may carry only
     * three attributes, and a device's place takes up to six.
     */
    private String ensureThingType(TenantId tenant, List<String> changes) {
        String name = TenantNames.of(tenant).deviceThingType();
        if (thingTypesChecked.add(tenant)) {
            try {
                iot.describeThingType(b -> b.thingTypeName(name));
            } catch (ResourceNotFoundException e) {
                try {
                    iot.createThingType(b -> b.thingTypeName(name).thingTypeProperties(p -> p.thingTypeDescription(
                            "wardwatch devices of tenant " + tenant.value())));
                    changes.add("thing type " + name + " created");
                } catch (ResourceAlreadyExistsException raced) {
                    // another registration created it in between
                }
            }
        }
        return name;
    }

    private boolean thingExists(ThingName thing) {
        try {
            iot.describeThing(b -> b.thingName(thing.value()));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private List<String> thingPrincipals(ThingName thing) {
        List<String> principals = new ArrayList<>();
        iot.listThingPrincipalsPaginator(b -> b.thingName(thing.value())).principals().forEach(principals::add);
        return principals;
    }

    private List<String> attachedPolicies(String target) {
        List<String> names = new ArrayList<>();
        iot.listAttachedPoliciesPaginator(b -> b.target(target)).policies().stream()
                .map(Policy::policyName).forEach(names::add);
        return names;
    }

    private Optional<CaRegistration> describeCa(String id) {
        try {
            var description = iot.describeCACertificate(b -> b.certificateId(id)).certificateDescription();
            if (description.status() != CACertificateStatus.ACTIVE) {
                iot.updateCACertificate(b -> b.certificateId(id).newStatus(CACertificateStatus.ACTIVE));
            }
            return Optional.of(new CaRegistration(description.certificateId(), description.certificateArn(), false));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    private static List<String> candidateIds(X509Certificate certificate) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String der = HexFormat.of().formatHex(sha256.digest(certificate.getEncoded()));
            String pem = HexFormat.of().formatHex(
                    sha256.digest(Pem.certificate(certificate).getBytes(StandardCharsets.UTF_8)));
            return List.of(der, pem);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String shortId(String certificateId) {
        return certificateId.length() > 12 ? certificateId.substring(0, 12) : certificateId;
    }
}
