package io.duecall.adapter.ami;

import io.duecall.port.TelephonyUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.asteriskjava.manager.EventTimeoutException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.StatusAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.StatusEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PBX's channels: which are up (CoreShowChannels), for the reconciliation after a lost connection, and whether
 * one is in a bridge (Status of that channel), asked of the PBX rather than read from events still on their way.
 */
final class AmiChannels {
    private static final Logger log = LoggerFactory.getLogger(AmiChannels.class);
    private static final int CHANNEL_STATE_UP = 6;

    private final ManagerConnection connection;
    private final Duration timeout;
    private final Supplier<AmiTimings> timings;

    AmiChannels(ManagerConnection connection, Duration timeout, Supplier<AmiTimings> timings) {
        this.connection = connection;
        this.timeout = timeout;
        this.timings = timings;
    }

    /** Every channel the PBX has now, with whether it is up. */
    List<AmiCallReconciler.LiveChannel> live() throws TelephonyUnavailableException {
        return list().stream()
                .filter(e -> e.getChannel() != null || e.getUniqueid() != null)
                .map(e -> new AmiCallReconciler.LiveChannel(e.getChannel(), e.getUniqueid(),
                        Integer.valueOf(CHANNEL_STATE_UP).equals(e.getChannelState())
                                || "Up".equalsIgnoreCase(e.getChannelStateDesc())))
                .toList();
    }

    /**
     * Whether {@code channel} is in a bridge now, by the PBX's Status of that one channel (false when the PBX has no
     * such channel); empty when the PBX cannot be asked.
     */
    Optional<Boolean> inBridge(String channel) {
        ResponseEvents answer;
        try {
            long start = System.nanoTime();
            answer = connection.sendEventGeneratingAction(new StatusAction(channel), timeout.toMillis());
            timings.get().actionAnswered("Status", Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException | EventTimeoutException | IllegalStateException | IllegalArgumentException e) {
            log.debug("Status of {} failed: {}", channel, e.getMessage());
            return Optional.empty();
        }
        if (answer.getResponse() instanceof ManagerError) {
            return Optional.of(false); // No such channel: it is gone, so in no bridge
        }
        return Optional.of(answer.getEvents().stream()
                .filter(StatusEvent.class::isInstance)
                .map(StatusEvent.class::cast)
                .anyMatch(e -> channel.equals(e.getChannel()) && e.getBridgeId() != null
                        && !e.getBridgeId().isBlank()));
    }

    private List<CoreShowChannelEvent> list() throws TelephonyUnavailableException {
        ResponseEvents answer;
        try {
            long start = System.nanoTime();
            answer = connection.sendEventGeneratingAction(new CoreShowChannelsAction(), timeout.toMillis());
            timings.get().actionAnswered("CoreShowChannels", Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException | EventTimeoutException | IllegalStateException | IllegalArgumentException e) {
            throw new TelephonyUnavailableException("CoreShowChannels failed: " + e.getMessage(), e);
        }
        AmiOriginates.requireSuccess(answer.getResponse(), "CoreShowChannels");
        return answer.getEvents().stream()
                .filter(CoreShowChannelEvent.class::isInstance)
                .map(CoreShowChannelEvent.class::cast)
                .toList();
    }
}
