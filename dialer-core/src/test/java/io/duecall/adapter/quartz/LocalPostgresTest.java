package io.duecall.adapter.quartz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.duecall.devsupport.PostgresServerProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class LocalPostgresTest {
    @Test
    void startsAThrowawayServerWhenNothingAnswersOnThePort() throws Exception {
        assumeTrue(PostgresServerProcess.binaries().isPresent(), "no PostgreSQL programs on this machine");
        int silent;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            silent = socket.getLocalPort();
        }

        var port = LocalPostgres.serverFor(silent);

        assertNotEquals(silent, port, "a server of its own, on another port");
        try (var connection = LocalPostgres.connect(LocalPostgres.url(port, "postgres"));
                var rows = connection.createStatement().executeQuery(
                        "select current_user, current_setting('data_directory'), current_setting('port')")) {
            assertTrue(rows.next());
            assertEquals("postgres", rows.getString(1));
            assertTrue(rows.getString(2).contains("duecall-pg-"), "a throwaway data directory: " + rows.getString(2));
            assertEquals(Integer.toString(port), rows.getString(3));
        }
    }
}
