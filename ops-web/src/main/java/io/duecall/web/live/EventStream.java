package io.duecall.web.live;

import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.ScreenPop;
import io.duecall.web.Json;
import io.duecall.web.OpsService;
import io.duecall.web.Principal;
import io.duecall.web.Views;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-sent events: operations staff receive the live figures every second; an agent receives their own state and
 * current call every second and at once when a call is bridged to them. A client that does not take its events is
 * skipped while its connection's buffer is full (each event carries the whole state, and history samples wait for
 * the next event that is sent), and disconnected after {@code maxSkippedEvents} skipped in a row.
 */
public final class EventStream {
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private final Map<Channel, Listener> listeners = new ConcurrentHashMap<>();
    private final LiveFigures figures;
    private final OpsService service;
    private final int maxSkippedEvents;

    /** One client: who it is, the last history sample it was sent, and how many events in a row it missed. */
    private static final class Listener {
        final Principal principal;
        long historySent;
        int skipped;

        Listener(Principal principal) {
            this.principal = principal;
        }
    }

    public EventStream(LiveFigures figures, OpsService service, int maxSkippedEvents) {
        this.figures = figures;
        this.service = service;
        this.maxSkippedEvents = maxSkippedEvents;
    }

    /** Starts sending events on a channel whose response head (200, text/event-stream) has been written. */
    public void open(Channel channel, Principal principal) {
        var listener = new Listener(principal);
        listeners.put(channel, listener);
        channel.closeFuture().addListener(f -> listeners.remove(channel));
        if (principal.role() == Principal.Role.AGENT) {
            send(channel, listener, "agent", () -> agentView(principal.agent()));
        }
    }

    /** Sends every listener its update; called once a second by the server's publisher. */
    public void publish() {
        var tick = figures.tick();
        var agents = agentsOnce();
        listeners.forEach((channel, listener) -> {
            if (listener.principal.role() == Principal.Role.OPERATIONS) {
                synchronized (listener) {
                    var since = listener.historySent;
                    var history = (Supplier<Object>) () -> figuresEvent(tick, agents.get(),
                            figures.historyAfter(since), since != 0);
                    if (send(channel, listener, "figures", history)) {
                        listener.historySent = tick.latest();
                    }
                }
            } else {
                send(channel, listener, "agent", () -> agentView(listener.principal.agent()));
            }
        });
    }

    /** Every agent's status, read from the roster at most once per publish, and only if an operations client asks. */
    private Supplier<List<Map<String, Object>>> agentsOnce() {
        var read = new AtomicReference<List<Map<String, Object>>>();
        return () -> read.updateAndGet(done -> done != null ? done
                : service.agentStates().stream().map(Views::status).toList());
    }

    private Map<String, Object> figuresEvent(LiveFigures.Tick tick, List<Map<String, Object>> agents, Object history,
            boolean append) {
        var event = new LinkedHashMap<String, Object>();
        event.put("at", tick.at());
        event.put("campaigns", tick.campaigns());
        event.put("agents", agents);
        event.put("history", history);
        // The first event of a connection carries the whole history; later ones only the samples taken since.
        event.put("historyAppend", append);
        event.put("historyLimit", figures.historyLimit());
        return event;
    }

    public void screenPop(ScreenPop pop) {
        listeners.forEach((channel, listener) -> {
            if (pop.agent().equals(listener.principal.agent())) {
                send(channel, listener, "agent", () -> agentView(pop.agent()));
            }
        });
    }

    public int listening() {
        return listeners.size();
    }

    private Map<String, Object> agentView(AgentId agent) {
        var who = Principal.agent(agent);
        var view = new LinkedHashMap<String, Object>();
        view.put("status", Views.status(service.status(agent)));
        var pop = service.currentCall(who, agent.value());
        view.put("call", pop == null ? null : Views.call(pop));
        view.put("history", service.history(who, agent.value()).stream().limit(20).map(Views::disposition).toList());
        return view;
    }

    /** Writes the event unless the channel's buffer is full; returns whether it was written. */
    private boolean send(Channel channel, Listener listener, String event, Supplier<Object> data) {
        synchronized (listener) {
            if (!channel.isActive()) {
                return false;
            }
            if (!channel.isWritable()) {
                skip(channel, listener);
                return false;
            }
            listener.skipped = 0;
            var text = "event: " + event + "\ndata: " + new String(Json.write(data.get()), StandardCharsets.UTF_8) + "\n\n";
            channel.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)));
            return true;
        }
    }

    private void skip(Channel channel, Listener listener) {
        if (++listener.skipped > maxSkippedEvents) {
            LOG.info("event stream client {} disconnected: it took none of the last {} events (http.maxSkippedEvents)",
                    channel.remoteAddress(), maxSkippedEvents);
            listeners.remove(channel);
            channel.close();
        }
    }
}
