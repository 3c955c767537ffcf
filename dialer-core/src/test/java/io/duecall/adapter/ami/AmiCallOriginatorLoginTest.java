package io.duecall.adapter.ami;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.port.TelephonyUnavailableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class AmiCallOriginatorLoginTest {

    @Test
    void unreachablePbxFailsWithTelephonyUnavailableCarryingTheCause() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var config = AmiConfig.defaults().withEndpoint("127.0.0.1", closedPort);

        var error = assertThrows(TelephonyUnavailableException.class,
                () -> AmiCallOriginator.connect(config, Clock.systemUTC()));

        assertInstanceOf(IOException.class, error.getCause());
        assertTrue(error.getMessage().contains("127.0.0.1:" + closedPort), error.getMessage());
        assertTrue(!error.getMessage().contains(config.secret()), error.getMessage());
    }
}
