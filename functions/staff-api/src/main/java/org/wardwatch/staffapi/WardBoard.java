package org.wardwatch.staffapi;

import org.wardwatch.model.alert.AlertPlace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.wardwatch.functions.aws.DynamoWardAdmissions;
import org.wardwatch.functions.core.Admission;
import org.wardwatch.functions.core.AlertRecord;
import org.wardwatch.functions.core.Device;
import org.wardwatch.functions.core.News2Picture;
import org.wardwatch.functions.core.SourceValue;
import org.wardwatch.functions.service.AlertRecordStore;
import org.wardwatch.functions.service.BedParameter;
import org.wardwatch.functions.service.BedSnapshot;
import org.wardwatch.functions.service.SilenceService;
import org.wardwatch.functions.service.TelemetryStore;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.device.Placement;
import org.wardwatch.model.news2.News2;
import org.wardwatch.model.news2.News2Parameter;
import org.wardwatch.model.news2.News2Score;
import org.wardwatch.model.reading.Metric;
import org.wardwatch.model.tenant.FunctionConfig;
import org.wardwatch.model.tenant.VitalsPolicy;

/**
 * The ward view's reads, through the functions' own stores: the tenant's wards (named in the tenant configuration's
 * {@code wards}, or with an active device or an open alert), each ward's open alerts (the open index), its devices
 * (a scan of the devices table, as the silent-devices check reads it: no index by ward), its admitted beds (the ward
 * index of the readings table), and a bed's state (the telemetry store's bed read: admission, parameters, NEWS2
 * state and observations).
 */
@ApplicationScoped
class WardBoard {

    /** The parameters a bed keeps: those its devices measure that alert in threshold bands. */
    static final Set<Metric> BED_METRICS = bedMetrics();
    @Inject
    FunctionConfig config;
    @Inject
    TelemetryStore store;
    @Inject
    SilenceService.DeviceDirectory directory;
    @Inject
    AlertRecordStore records;
    @Inject
    DynamoWardAdmissions admissions;

    /** What one request reads of the tenant at once: its active devices and open alerts. */
    record Tenant(List<Device> devices, List<AlertRecord> open) {
    }

    Tenant tenant() {
        return new Tenant(directory.activeDevices(), records.open().stream().map(AlertRecordStore.Stored::record)
                .filter(AlertRecord::open).toList());
    }

    /** The wards the tenant knows. */
    Set<String> known(Tenant tenant) {
        Set<String> wards = new TreeSet<>(config.wardVitals().keySet());
        tenant.devices().stream().map(Device::ward).filter(w -> w != null).forEach(wards::add);
        tenant.open().stream().map(AlertRecord::ward).filter(w -> w != null).forEach(wards::add);
        return wards;
    }

    VitalsPolicy vitalsOf(String ward) {
        return config.vitalsOf(ward);
    }

    static WardViews.AlertCounts counts(Collection<AlertRecord> open) {
        return new WardViews.AlertCounts((int) open.stream().filter(r -> r.severity() == Severity.CRITICAL).count(),
                (int) open.stream().filter(r -> r.severity() == Severity.WARNING).count(), open.size());
    }

    /** The bed an alert's place names ({@code bed 12}), or null for a room or a device. */
    static String bedOf(AlertRecord r) {
        return AlertPlace.bedOf(r.place());
    }

    /** The ward's beds with a device or an open alert, in bed order. */
    TreeSet<String> beds(String ward, Tenant tenant) {
        TreeSet<String> beds = new TreeSet<>(BED_ORDER);
        admissions.of(ward).stream().map(Admission::bed).forEach(beds::add);
        tenant.devices().stream().filter(d -> ward.equals(d.ward()) && d.bed() != null).map(Device::bed)
                .forEach(beds::add);
        tenant.open().stream().filter(r -> ward.equals(r.ward())).map(WardBoard::bedOf).filter(b -> b != null)
                .forEach(beds::add);
        return beds;
    }

    /** Beds in the ward's order: numbers by value (2 before 12), then names. */
    static final Comparator<String> BED_ORDER = Comparator
            .<String, Boolean>comparing(b -> !b.matches("[0-9]{1,9}"))
            .thenComparing(b -> b.matches("[0-9]{1,9}") ? Integer.parseInt(b) : 0)
            .thenComparing(Comparator.naturalOrder());

    /** A page of beds as staff see them, in the page's order: their state read at once ({@link TelemetryStore#beds}). */
    List<WardViews.Bed> views(String ward, List<String> page, Tenant tenant) {
        boolean news2 = config.vitalsOf(ward) == VitalsPolicy.NEWS2;
        Map<String, BedSnapshot> snapshots = store.beds(ward, page, BED_METRICS, news2);
        return page.stream().map(bed -> bed(ward, bed, snapshots.get(bed), news2, tenant)).toList();
    }

    private WardViews.Bed bed(String ward, String bed, BedSnapshot snapshot, boolean news2, Tenant tenant) {
        Map<Metric, BedParameter> parameters = new EnumMap<>(Metric.class);
        parameters.putAll(snapshot.parameters());
        WardViews.Admission admission = snapshot.admission().map(a -> new WardViews.Admission(a.patientRef(),
                AlertView.time(a.admittedAt()), a.spo2Scale())).orElse(null);
        List<WardViews.Parameter> latest = parameters.values().stream()
                .filter(p -> !p.state().sources().isEmpty()).map(WardBoard::latest).toList();
        List<AlertView> open = tenant.open().stream().filter(r -> ward.equals(r.ward()) && bed.equals(bedOf(r)))
                .map(r -> AlertView.of(r, false)).toList();
        List<WardViews.Device> devices = tenant.devices().stream()
                .filter(d -> ward.equals(d.ward()) && bed.equals(d.bed()))
                .sorted(Comparator.comparing(Device::thingName))
                .map(d -> new WardViews.Device(d.thingName(), d.kind().code())).toList();
        return new WardViews.Bed(bed, admission, latest, news2 ? news2(snapshot, parameters) : null, open, devices);
    }

    private static WardViews.Parameter latest(BedParameter p) {
        SourceValue newest = p.state().sources().stream().max(Comparator.comparing(SourceValue::deviceTime)
                .thenComparing(SourceValue::thingName)).orElseThrow();
        return new WardViews.Parameter(p.metric().code(), newest.value(), p.metric().canonicalUnit(),
                newest.thingName(), newest.kind().code(), AlertView.time(newest.deviceTime()));
    }

    /**
     * The bed's NEWS2 as the functions last evaluated it: scored again, from the same state, at the time of that
     * evaluation (the stored state keeps the total alone); null before the first evaluation.
     */
    private WardViews.News2 news2(BedSnapshot snapshot, Map<Metric, BedParameter> parameters) {
        if (snapshot.news2() == null || snapshot.news2().state().evaluatedAt() == null) {
            return null;
        }
        Map<Metric, org.wardwatch.functions.core.BedParameterState> states = new HashMap<>();
        parameters.forEach((m, p) -> states.put(m, p.state()));
        var at = snapshot.news2().state().evaluatedAt();
        News2Picture picture = News2Picture.at(at, states, snapshot.news2().observations(),
                snapshot.admission().map(a -> a.spo2Scale()).orElse(1), config.news2());
        News2Score score = News2.score(picture.inputs());
        return new WardViews.News2(score.total(), score.response().name(), score.partial(),
                score.missing().stream().map(News2Parameter::code).toList(), AlertView.time(at));
    }

    private static Set<Metric> bedMetrics() {
        Set<Metric> metrics = EnumSet.noneOf(Metric.class);
        for (DeviceKind kind : DeviceKind.values()) {
            if (kind.placement() == Placement.BED) {
                kind.metrics().stream().filter(m -> m.watch() == Metric.Watch.THRESHOLD_BANDS).forEach(metrics::add);
            }
        }
        return metrics;
    }
}
