package io.duecall.adapter.ami;

import io.duecall.port.CallEvent;
import io.duecall.port.CallOriginator;
import io.duecall.port.CallRequest;
import io.duecall.port.TelephonyUnavailableException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.event.BridgeDestroyEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CallOriginator} over the Asterisk manager interface with asterisk-java. Calls are placed with async
 * Originate, pipelined ({@link AmiOriginates}), and followed from raw events (OriginateResponse, BridgeEnter, Hangup),
 * which one worker thread translates and hands to the listener; connection health is tracked from connect/disconnect
 * events and periodic pings. When the connection returns after a loss, the calls in flight are reconciled with the
 * PBX's channel list ({@link AmiChannels}, {@link AmiCallReconciler}).
 */
public final class AmiCallOriginator implements CallOriginator {
    private static final Logger log = LoggerFactory.getLogger(AmiCallOriginator.class);
    /** The originate's channel variable naming the call's maximum duration in seconds (see the outbound context). */
    public static final String MAX_SECONDS_VARIABLE = AmiOriginates.MAX_SECONDS_VARIABLE;
    private static final String EVENT_MASK = "call,user";
    private static final int MAX_CHANNEL_NAME = 200;

    private final AmiConfig config;
    private final Clock clock;
    private final ManagerConnection connection;
    /**
     * A second manager session, without events, for the actions that move answered calls (Redirect, Hangup): Asterisk
     * serves a session's actions one after another, so on the session that also carries the pipelined Originates a
     * Redirect would wait behind every Originate sent before it. While it is not connected the main session serves.
     */
    private final ManagerConnection control;
    private final AmiCallRegistry registry = new AmiCallRegistry();
    private final AmiEventTranslator translator = new AmiEventTranslator(registry);
    private final ScheduledExecutorService scheduler;
    private final AmiConnectionHealth health;
    private final AmiEventPump pump;
    private final ScheduledExecutorService reconcileWorker;
    private final AmiCallReconciler reconciler;
    private final AmiOriginates originates;
    private final AmiChannels channels;
    private volatile Consumer<CallEvent> listener = event -> log.debug("No listener for {}", event);
    private volatile AmiTimings timings = AmiTimings.NONE;

    private AmiCallOriginator(AmiConfig config, Clock clock, ManagerConnection connection,
            ManagerConnection control) {
        this.config = config;
        this.clock = clock;
        this.connection = connection;
        this.control = control;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("ami-health").daemon().factory());
        this.health = new AmiConnectionHealth(clock, scheduler);
        this.pump = new AmiEventPump(config.eventQueueCapacity(), clock, AmiCallOriginator::tracked, this::dispatch);
        // Its own thread: listing channels waits for a whole event list, which must not hold up pings or events.
        this.reconcileWorker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("ami-reconcile").daemon().factory());
        this.channels = new AmiChannels(connection, config.actionTimeout(), () -> timings);
        this.reconciler = new AmiCallReconciler(registry, clock, this::liveChannels, reconcileWorker,
                event -> listener.accept(event));
        health.addListener(reconciler::onConnectionEvent);
        this.originates = new AmiOriginates(config, clock, connection, registry, scheduler, () -> listener,
                () -> timings);
    }

    /** Logs in to the PBX and starts following events; fails with the cause when the PBX cannot be reached. */
    public static AmiCallOriginator connect(AmiConfig config, Clock clock) throws TelephonyUnavailableException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        var factory = new ManagerConnectionFactory(config.host(), config.port(), config.username(), config.secret());
        var connection = factory.createManagerConnection();
        connection.setSocketTimeout((int) config.actionTimeout().toMillis());
        var control = factory.createManagerConnection();
        control.setSocketTimeout((int) config.actionTimeout().toMillis());
        var originator = new AmiCallOriginator(config, clock, connection, control);
        originator.start();
        return originator;
    }

    private void start() throws TelephonyUnavailableException {
        connection.registerUserEventClass(AmdResultEvent.class);
        connection.addEventListener(this::onLibraryEvent);
        pump.start();
        try {
            connection.login(EVENT_MASK);
            control.login("off");
        } catch (IOException | AuthenticationFailedException | TimeoutException | IllegalStateException e) {
            close();
            throw new TelephonyUnavailableException("AMI login to " + endpoint() + " as '" + config.username()
                    + "' failed: " + e.getMessage(), e);
        }
        health.markUp();
        long interval = config.pingInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::ping, interval, interval, TimeUnit.MILLISECONDS);
        log.info("AMI connected to {}", endpoint());
    }

    @Override
    public void onEvent(Consumer<CallEvent> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Registers a listener for {@link AmiConnectionLost} and {@link AmiConnectionRestored}; it runs off the AMI threads. */
    public void onConnectionEvent(Consumer<AmiConnectionEvent> connectionListener) {
        health.addListener(Objects.requireNonNull(connectionListener, "connectionListener"));
    }

    /** Reports each action's round trip and each tracked event's lag to {@code timings} from now on. */
    public void observe(AmiTimings timings) {
        this.timings = Objects.requireNonNull(timings, "timings");
    }

    @Override
    public boolean available() {
        return health.connected();
    }

    /** Whether the connection is up, by our own tracking of disconnects and pings. */
    public boolean connected() {
        return health.connected();
    }

    /** How many events were dropped because the event queue was full. */
    public long droppedEvents() {
        return pump.droppedEvents();
    }

    /** The AMDSTATUS an answered call reported through the AMDResult user event, if any yet. */
    public Optional<String> machineDetectionStatus(String callId) {
        return registry.amdStatusOf(callId);
    }

    /**
     * The contexts the engine needs (outbound and agent) that the PBX's dialplan lacks; empty when all are there.
     * Fails when the PBX refuses or does not answer ShowDialPlan.
     */
    public List<String> missingContexts() throws TelephonyUnavailableException {
        if (!health.connected()) {
            throw new TelephonyUnavailableException("ShowDialPlan: AMI connection to " + endpoint() + " is down");
        }
        return PbxContextCheck.missing(connection, List.of(config.outboundContext(), config.agentContext(),
                config.abandonContext()),
                config.actionTimeout());
    }

    @Override
    public void originate(CallRequest request) throws TelephonyUnavailableException {
        originate(request, config.dialTemplate());
    }

    /** As {@link #originate(CallRequest)}, dialing with {@code dialTemplate} (one trunk's) instead of the configured one. */
    public void originate(CallRequest request, String dialTemplate) throws TelephonyUnavailableException {
        if (!health.connected()) {
            throw new TelephonyUnavailableException("Originate " + request.callId() + ": AMI connection to "
                    + endpoint() + " is down");
        }
        originates.originate(request, dialTemplate);
    }

    @Override
    public boolean reportsAcceptance() {
        return originates.pipelined();
    }

    /** Whether the call's debtor channel is in a bridge, by the PBX's channel list; empty when it cannot be listed. */
    @Override
    public Optional<Boolean> inBridge(String callId) {
        var channel = registry.channelOf(callId).or(() -> registry.ivrChannelOf(callId));
        return channel.isEmpty() || !health.connected() ? Optional.empty() : channels.inBridge(channel.get());
    }

    /** Originates sent and still awaiting the PBX's response. */
    public int outstandingOriginates() {
        return originates.outstanding();
    }

    @Override
    public void bridgeToAgent(String callId, String agentExtension) throws TelephonyUnavailableException {
        Objects.requireNonNull(agentExtension, "agentExtension");
        Optional<String> known;
        try {
            known = registry.awaitChannel(callId, config.actionTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelephonyUnavailableException("Redirect " + callId + ": interrupted", e);
        }
        var channel = known.orElseThrow(() -> new TelephonyUnavailableException(
                "Redirect " + callId + ": no answered channel is known for this call"));
        registry.redirected(callId, agentExtension);
        var what = "Redirect " + callId + " to " + config.agentContext() + "/" + agentExtension;
        requireSuccess(send(new RedirectAction(channel, config.agentContext(), agentExtension, 1), what), what);
    }


    @Override
    public void playAbandonMessage(String callId) throws TelephonyUnavailableException {
        var channel = registry.channelOf(callId).or(() -> registry.ivrChannelOf(callId)).orElseThrow(() ->
                new TelephonyUnavailableException("Redirect " + callId + ": no answered channel is known for this call"));
        var what = "Redirect " + callId + " to " + config.abandonContext() + "/s";
        requireSuccess(send(new RedirectAction(channel, config.abandonContext(), "s", 1), what), what);
    }

    /**
     * Notes the channel the IVR session of an answered call runs on, so a redirect need not wait for the answer event
     * to be read and handled. The name goes into a Redirect action, so anything but a plain channel name is ignored.
     */
    @Override
    public void answeredOn(String callId, String channel) {
        if (callId == null || !plainChannelName(channel)) {
            log.debug("Ignoring IVR channel for {}: not a plain channel name", callId);
            return;
        }
        registry.ivrChannel(callId, channel);
    }

    /** Printable, without spaces, of a channel name's length: nothing that could break an action's header line. */
    static boolean plainChannelName(String channel) {
        if (channel == null || channel.isEmpty() || channel.length() > MAX_CHANNEL_NAME) {
            return false;
        }
        return channel.chars().allMatch(c -> c > ' ' && c < 0x7f) && channel.indexOf('/') > 0;
    }

    /**
     * Hangs the call up, answered or still ringing: an answered call by its channel's name, a ringing one by the
     * Uniqueid its Originate gave its channel ({@code ChannelId}), which Asterisk's Hangup action finds when no
     * channel has that name (channel storage looks a name up, then a Uniqueid).
     */
    @Override
    public void hangup(String callId) throws TelephonyUnavailableException {
        var channel = registry.channelOf(callId).orElse(AmiCallRegistry.channelIdFor(callId));
        var response = send(new HangupAction(channel), "Hangup " + callId);
        if (response instanceof ManagerError) {
            // Asterisk answers Error when the channel is already gone, which is what we wanted.
            log.debug("Hangup {}: {}", callId, response.getMessage());
        }
    }

    private ManagerResponse send(ManagerAction action, String what) throws TelephonyUnavailableException {
        if (!health.connected()) {
            throw new TelephonyUnavailableException(what + ": AMI connection to " + endpoint() + " is down");
        }
        try {
            return control(action);
        } catch (IOException | TimeoutException | IllegalStateException e) {
            throw new TelephonyUnavailableException(what + " failed: " + e.getMessage(), e);
        }
    }

    private ManagerResponse timed(ManagerAction action) throws IOException, TimeoutException {
        return timed(connection, action);
    }

    /** Redirect and Hangup go on the control session, unless it is not connected just now. */
    private ManagerResponse control(ManagerAction action) throws IOException, TimeoutException {
        return timed(control.getState() == ManagerConnectionState.CONNECTED ? control : connection, action);
    }

    private ManagerResponse timed(ManagerConnection session, ManagerAction action) throws IOException,
            TimeoutException {
        long start = System.nanoTime();
        var response = session.sendAction(action, config.actionTimeout().toMillis());
        timings.actionAnswered(action.getAction(), Duration.ofNanos(System.nanoTime() - start));
        return response;
    }

    /** The PBX's live channels; runs on the reconciliation thread, never on the library's. */
    private List<AmiCallReconciler.LiveChannel> liveChannels() throws TelephonyUnavailableException {
        if (!health.connected()) {
            throw new TelephonyUnavailableException("CoreShowChannels: AMI connection to " + endpoint() + " is down");
        }
        return channels.live();
    }

    private static void requireSuccess(ManagerResponse response, String what) throws TelephonyUnavailableException {
        AmiOriginates.requireSuccess(response, what);
    }

    private static boolean tracked(ManagerEvent event) {
        return event instanceof OriginateResponseEvent || event instanceof HangupEvent
                || event instanceof BridgeEnterEvent || event instanceof BridgeLeaveEvent
                || event instanceof BridgeDestroyEvent || event instanceof AmdResultEvent;
    }

    /** Runs on asterisk-java's dispatch thread: only cheap state changes and a non-blocking hand-off. */
    private void onLibraryEvent(ManagerEvent event) {
        if (event instanceof DisconnectEvent) {
            health.markLost("disconnected from " + endpoint());
        } else if (event instanceof ConnectEvent) {
            health.markUp();
        } else {
            pump.onManagerEvent(event);
        }
    }

    private void dispatch(ManagerEvent event, Instant at) {
        var stamped = event.getTimestamp() == null ? at
                : Instant.ofEpochMilli(Math.round(event.getTimestamp() * 1000));
        var lag = Duration.between(stamped, clock.instant());
        // Reported as handling starts, so the lag is the event's wait and not the listener's own work.
        timings.eventHandled(eventName(event), lag.isNegative() ? Duration.ZERO : lag);
        translator.translate(event, at).ifPresent(callEvent -> listener.accept(callEvent));
    }

    private static String eventName(ManagerEvent event) {
        var name = event.getClass().getSimpleName();
        return name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name;
    }

    private void ping() {
        try {
            var response = timed(new PingAction());
            if (response instanceof ManagerError) {
                health.markLost("ping answered " + response.getMessage());
            } else {
                health.markUp();
            }
        } catch (IOException | TimeoutException | IllegalStateException e) {
            health.markLost("ping failed: " + e.getMessage());
        }
    }

    private String endpoint() {
        return config.host() + ":" + config.port();
    }

    @Override
    public void close() {
        for (var session : List.of(connection, control)) {
            var state = session.getState();
            if (state == ManagerConnectionState.CONNECTED || state == ManagerConnectionState.RECONNECTING) {
                try {
                    session.logoff();
                } catch (IllegalStateException e) {
                    log.debug("AMI logoff skipped: {}", e.getMessage());
                }
            }
        }
        scheduler.shutdownNow();
        reconcileWorker.shutdownNow();
        pump.close();
    }
}
