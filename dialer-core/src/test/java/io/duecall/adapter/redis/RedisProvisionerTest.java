package io.duecall.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.devsupport.LoopbackPorts;
import io.duecall.port.StoreUnavailableException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class RedisProvisionerTest {

    @Test
    void anExistingRedisIsUsedAsItIs() {
        var running = RedisTestSupport.sharedUri();

        try (var redis = RedisProvisioner.existing(running)) {
            assertEquals(running, redis.uri());
            assertEquals("existing redis at " + running.getHost() + ":" + running.getPort(), redis.description());
        }
        assertEquals(running, RedisProvisioner.existing(running).uri(), "closing the handle left the server running");
    }

    @Test
    void aServerThatDoesNotAnswerIsRefusedByName() {
        var nowhere = URI.create("redis://127.0.0.1:" + LoopbackPorts.free());

        var error = assertThrows(StoreUnavailableException.class, () -> RedisProvisioner.existing(nowhere));

        assertTrue(error.getMessage().contains(nowhere.getPort() + " does not answer PING"), error.getMessage());
    }
}
