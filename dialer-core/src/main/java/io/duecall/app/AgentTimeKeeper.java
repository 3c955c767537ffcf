package io.duecall.app;

import io.duecall.domain.agent.AgentActivity;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentRecord;
import io.duecall.domain.agent.AgentTime;
import io.duecall.port.AgentTimeLog;
import io.duecall.port.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds up each agent's time per day in {@code zone} as the agent pool changes them: at every change, the time the
 * record replaced had run through since it was written. The change is already made when its time is added, so a
 * log that cannot be reached loses that stretch (logged), never the change. The adds run on {@code writer}, off the
 * pool's lock (each is an addition, so their order does not matter); the engine gives it threads of its own.
 */
public final class AgentTimeKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(AgentTimeKeeper.class);
    private final AgentTimeLog log;
    private final ZoneId zone;
    private final Executor writer;

    /** A keeper adding the time on the calling thread. */
    public AgentTimeKeeper(AgentTimeLog log, ZoneId zone) {
        this(log, zone, Runnable::run);
    }

    public AgentTimeKeeper(AgentTimeLog log, ZoneId zone, Executor writer) {
        this.log = Objects.requireNonNull(log, "log");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /** A keeper adding nothing up. */
    public static AgentTimeKeeper none() {
        return new AgentTimeKeeper(AgentTimeLog.NONE, ZoneId.of("UTC"));
    }

    public AgentTimeLog log() {
        return log;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The agent's record {@code replaced} was replaced at {@code now}: its time since it was written is added. */
    void replaced(AgentId agent, AgentRecord replaced, Instant now) {
        var days = AgentTime.byDay(AgentTime.since(replaced, now), zone);
        if (days.isEmpty()) {
            return;
        }
        try {
            writer.execute(() -> add(agent, replaced, days));
        } catch (RejectedExecutionException e) {
            LOG.warn("agent {}: time since {} not added to the daily report: the engine is stopping", agent,
                    replaced.enteredAt());
        }
    }

    private void add(AgentId agent, AgentRecord replaced, Map<LocalDate, Map<AgentActivity, Duration>> days) {
        try {
            days.forEach((day, time) -> log.add(agent, day, time));
        } catch (StoreUnavailableException e) {
            LOG.warn("agent {}: time since {} not added to the daily report: {}", agent, replaced.enteredAt(),
                    e.getMessage());
        }
    }
}
