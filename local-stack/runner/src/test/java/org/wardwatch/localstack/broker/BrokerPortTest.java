package org.wardwatch.localstack.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.emulator.MotoServer;

class BrokerPortTest {

    @Test
    void portTakenBetweenPickAndBind_isPassedOver_forTheNextFreeOne(@TempDir Path directory) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             TestBroker broker = new TestBroker(directory, (clientId, topic, payload, at) -> { },
                     ports(taken.getLocalPort()))) {
            assertThat(broker.broker.port()).isNotEqualTo(taken.getLocalPort());
            TestBroker.Device device = broker.declare("port-device");
            try (var connection = broker.connect(device)) {
                assertThat(connection).as("a device connects on the port the broker reports").isNotNull();
            }
        }
    }

    /** The taken port first, then free ones. */
    private static java.util.function.IntSupplier ports(int taken) {
        Deque<Integer> first = new ArrayDeque<>();
        first.add(taken);
        return () -> first.isEmpty() ? MotoServer.freePort() : first.poll();
    }
}
