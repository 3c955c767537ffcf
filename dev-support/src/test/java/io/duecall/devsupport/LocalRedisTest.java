package io.duecall.devsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.devsupport.LocalRedis.Mode;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

class LocalRedisTest {

    @Test
    void embeddedModeStartsTheBundledServerAndStopsItOnClose() {
        var redis = LocalRedis.provision(Optional.empty(), Optional.of(Mode.EMBEDDED));

        try (redis; var jedis = new Jedis(redis.uri())) {
            assertEquals("PONG", jedis.ping());
            assertTrue(redis.description().startsWith("embedded redis on port " + redis.uri().getPort()), redis.description());
        }
        assertFalse(LocalRedis.answersPing(redis.uri()));
    }

    @Test
    void localBinaryModeStartsRedisServerFromPathAndStopsItOnClose() {
        var redis = LocalRedis.provision(Optional.empty(), Optional.of(Mode.LOCAL_BINARY));

        try (redis; var jedis = new Jedis(redis.uri())) {
            assertEquals("PONG", jedis.ping());
            assertTrue(redis.description().matches("started redis-server pid \\d+ on port \\d+"), redis.description());
            assertEquals("", jedis.configGet("save").get("save"));
            assertEquals("no", jedis.configGet("appendonly").get("appendonly"));
        }
        assertFalse(LocalRedis.answersPing(redis.uri()));
    }

    @Test
    void givenUrlIsUsedAsItIs() {
        try (var running = LocalRedis.provision(Optional.empty(), Optional.of(Mode.EMBEDDED))) {
            var uri = running.uri();

            var redis = LocalRedis.provision(Optional.of(uri), Optional.empty());

            assertEquals(uri, redis.uri());
            assertEquals("existing redis at " + uri.getHost() + ":" + uri.getPort(), redis.description());
        }
    }

    @Test
    void existingModeRefusesAServerThatDoesNotAnswer() {
        var nowhere = URI.create("redis://127.0.0.1:" + LoopbackPorts.free());

        var error = assertThrows(IllegalStateException.class,
                () -> LocalRedis.provision(Optional.of(nowhere), Optional.of(Mode.EXISTING)));

        assertTrue(error.getMessage().contains("does not answer PING"), error.getMessage());
    }

    @Test
    void modeNamesAreParsedAndUnknownOnesNamed() {
        var mode = Mode.parse("local-binary");

        assertEquals(Mode.LOCAL_BINARY, mode);
        var error = assertThrows(IllegalArgumentException.class, () -> Mode.parse("cluster"));
        assertEquals("duecall.redis.mode: 'cluster' (expected existing, local-binary or embedded)", error.getMessage());
    }
}
