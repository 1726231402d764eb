package org.wardwatch.functions.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import org.wardwatch.model.alert.AlarmDelays;
import org.wardwatch.model.tenant.FunctionConfig;
import org.wardwatch.model.tenant.FunctionConfigReader;
import org.wardwatch.emulator.MotoServer;
import org.wardwatch.functions.aws.DynamoAlertRecordStore;
import org.wardwatch.functions.aws.DynamoDeviceRegistry;
import org.wardwatch.functions.aws.DynamoTelemetryStore;
import org.wardwatch.functions.aws.SnsAlertPublisher;
import org.wardwatch.model.coldchain.ColdChainSettings;
import org.wardwatch.functions.core.Envelope;
import org.wardwatch.functions.core.MessageValidator;
import org.wardwatch.functions.core.PayloadDecoder;
import org.wardwatch.model.coldchain.StorageProfile;
import org.wardwatch.model.alert.ThresholdTable;
import org.wardwatch.functions.lambda.Telemetry;
import org.wardwatch.functions.lambda.TestTenant;
import org.wardwatch.model.tenant.News2Settings;
import org.wardwatch.model.tenant.VitalsPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** The telemetry service on the emulator, built as the function builds it, for tests that drive it directly. */
public final class MotoTelemetry implements AutoCloseable {

    public final TestTenant tenant = TestTenant.provision(MotoServer.shared().endpoint());
    public final DynamoTelemetryStore store = new DynamoTelemetryStore(tenant.dynamo, TestTenant.READINGS,
            TestTenant.QUARANTINE, Duration.ofDays(1), Duration.ofDays(3));
    private final SnsClient sns = SnsClient.builder().endpointOverride(tenant.endpoint)
            .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    public final SnsAlertPublisher publisher = new SnsAlertPublisher(sns, tenant.topicArn);
    /** The alert records, in the readings table as the functions keep them. */
    public final DynamoAlertRecordStore records = new DynamoAlertRecordStore(tenant.dynamo, TestTenant.READINGS);
    /** {@link #publisher}, each alert's transition recorded in {@link #records} first, as the functions publish. */
    public final RecordingPublisher recording = new RecordingPublisher(new AlertRecorder(records), publisher);

    /** With the handler tests' configuration ({@link TestTenant#DELIVERY_CONFIG}): no delay, no reading too old. */
    public TelemetryService service(TelemetryStore store, AlertPublisher publisher) {
        FunctionConfig config = FunctionConfigReader.read(TestTenant.deliveryConfigFile());
        return new TelemetryService(TestTenant.ID, validator(), config.thresholds(), config.alarmDelays(),
                config.maxReadingAge(), ZoneOffset.UTC, StorageProfile.defaults(), ColdChainSettings.DEFAULTS, store,
                publisher);
    }

    /** With the defaults: alarm delays, and readings older than an hour when received changing no alert. */
    public TelemetryService clinicalService() {
        return new TelemetryService(TestTenant.ID, validator(), ThresholdTable.news2Defaults(),
                AlarmDelays.defaults(), TelemetryService.DEFAULT_MAX_READING_AGE, ZoneOffset.UTC,
                StorageProfile.defaults(), ColdChainSettings.DEFAULTS, store, publisher);
    }

    /** With the defaults, and {@code news2Ward} scoring NEWS2 (every other ward on thresholds). */
    public TelemetryService news2Service(String news2Ward) {
        return news2Service(news2Ward, store);
    }

    /** As {@link #news2Service(String)}, on {@code store}. */
    public TelemetryService news2Service(String news2Ward, TelemetryStore store) {
        return news2Service(news2Ward, store, publisher);
    }

    /** As {@link #news2Service(String)}, on {@code store}, publishing through {@code publisher}. */
    public TelemetryService news2Service(String news2Ward, TelemetryStore store, AlertPublisher publisher) {
        return new TelemetryService(TestTenant.ID, validator(), ThresholdTable.news2Defaults(),
                AlarmDelays.defaults(), TelemetryService.DEFAULT_MAX_READING_AGE, ZoneOffset.UTC,
                ward -> ward.equals(news2Ward) ? VitalsPolicy.NEWS2 : VitalsPolicy.THRESHOLDS, News2Settings.DEFAULTS,
                StorageProfile.defaults(), ColdChainSettings.DEFAULTS, store, publisher);
    }

    /** Nurse observations on {@code news2Ward}, with the defaults. */
    public ObservationService observations(String news2Ward) {
        return new ObservationService(store, new News2Planner(TestTenant.ID,
                ward -> ward.equals(news2Ward) ? VitalsPolicy.NEWS2 : VitalsPolicy.THRESHOLDS, News2Settings.DEFAULTS,
                new AlertRenderer(ZoneOffset.UTC)), publisher);
    }

    private MessageValidator validator() {
        return new MessageValidator(TestTenant.ID, new PayloadDecoder(),
                new DynamoDeviceRegistry(tenant.dynamo, TestTenant.DEVICES, Duration.ZERO)::find);
    }

    public TelemetryService service() {
        return service(store, publisher);
    }

    public static Envelope envelope(String thing) {
        return new Envelope(TestTenant.ID, thing, thing, Telemetry.RECEIVED_AT);
    }

    /** A message with one SpO2 reading (and the battery level every test payload carries). */
    public static byte[] spo2(String messageId, String deviceTime, int value) {
        return Telemetry.payload(messageId, deviceTime, Telemetry.reading("spo2", value, "%"))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        sns.close();
    }
}
