package io.duecall.adapter.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmiConnectionHealthTest {
    private static final Instant AT = Instant.parse("2025-03-04T10:15:30Z");

    private final List<AmiConnectionEvent> published = new ArrayList<>();
    private final AmiConnectionHealth health = new AmiConnectionHealth(Clock.fixed(AT, ZoneOffset.UTC), Runnable::run);

    @Test
    void firstConnectPublishesNothing() {
        health.addListener(published::add);

        health.markUp();

        assertTrue(health.connected());
        assertEquals(List.of(), published);
    }

    @Test
    void lossAndRestoreArePublishedOnceEach() {
        health.addListener(published::add);
        health.markUp();

        health.markLost("ping failed");
        health.markLost("disconnected");
        var connectedWhileLost = health.connected();
        health.markUp();
        health.markUp();

        assertFalse(connectedWhileLost);
        assertEquals(List.of(new AmiConnectionLost(AT, "ping failed"), new AmiConnectionRestored(AT)), published);
    }

    @Test
    void failingListenerDoesNotStopOthers() {
        health.addListener(event -> {
            throw new IllegalStateException("listener bug");
        });
        health.addListener(published::add);
        health.markUp();

        health.markLost("disconnected");

        assertEquals(List.of(new AmiConnectionLost(AT, "disconnected")), published);
    }
}
