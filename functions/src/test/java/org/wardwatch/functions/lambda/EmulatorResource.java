package org.wardwatch.functions.lambda;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wardwatch.emulator.MotoServer;

/**
 * Starts the shared moto server (once per test JVM), provisions the test tenant in it and points the function's
 * configuration and AWS clients at it. The redrive function's queues are each test's own (its profile's).
 */
public class EmulatorResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        MotoServer moto = MotoServer.shared();
        // The SDK's standard endpoint override, read by the clients the function builds.
        System.setProperty("aws.endpointUrl", moto.endpoint().toString());
        TestTenant tenant = TestTenant.provision(moto.endpoint());
        Map<String, String> config = new LinkedHashMap<>();
        config.put("wardwatch.tenant-id", TestTenant.ID);
        config.put("wardwatch.readings-table", TestTenant.READINGS);
        config.put("wardwatch.quarantine-table", TestTenant.QUARANTINE);
        config.put("wardwatch.devices-table", TestTenant.DEVICES);
        config.put("wardwatch.alert-topic-arn", tenant.topicArn);
        config.put("wardwatch.device-cache-seconds", "0");
        config.put("wardwatch.config-file", TestTenant.deliveryConfigFile().toString());
        return config;
    }

    @Override
    public void stop() {
        // the shared server stops when the test JVM exits
    }
}
