package io.duecall.pbxsim.call;

import io.duecall.pbxsim.SimulatorConfig;
import io.duecall.pbxsim.ami.AmiConnections;
import io.duecall.pbxsim.ami.AmiMessage;
import io.duecall.pbxsim.ami.CallActions;
import io.duecall.pbxsim.ami.ChannelStatus;
import io.duecall.pbxsim.ami.DialplanPriority;
import io.duecall.pbxsim.PlacedCall;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;

/** Turns Originate, Hangup and Redirect actions into simulated calls; owns the timers and AGI threads. */
public final class CallEngine implements CallActions, AutoCloseable {
    /** Tech/number@context, with a Local channel's options after a slash ({@code /n}) as Asterisk accepts them. */
    private static final Pattern DIAL = Pattern.compile(
            "([A-Za-z0-9_]+)/(\\+?[0-9A-Za-z*#]+)@([A-Za-z0-9_.-]+)(?:/[a-zA-Z]+)?");
    /** Asterisk's AST_MAX_PUBLIC_UNIQUEID: the longest ChannelId an Originate may ask for. */
    private static final int MAX_PUBLIC_UNIQUEID = 149;
    private static final Set<String> TRUE = Set.of("true", "yes", "1", "on", "y", "t");

    private final SimEnv env;
    private final Draws draws;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService agiThreads;
    private final List<DialplanPriority> dialplan;

    public CallEngine(SimulatorConfig config, AmiConnections connections, AgiRunner agi, StatsCounters stats,
                      Clock clock) {
        this(config, connections, agi, stats, clock, module -> true);
    }

    /** As above; {@code moduleLoaded} says which PBX modules are loaded (chan_pjsip for the agents' phones). */
    public CallEngine(SimulatorConfig config, AmiConnections connections, AgiRunner agi, StatsCounters stats,
                      Clock clock, java.util.function.Predicate<String> moduleLoaded) {
        this.scheduler = Executors.newScheduledThreadPool(1, Thread.ofPlatform().daemon().name("pbxsim-timer-", 0)
                .factory());
        this.agiThreads = Executors.newVirtualThreadPerTaskExecutor();
        this.env = new SimEnv(config, connections, scheduler, agiThreads, agi, stats, clock, moduleLoaded);
        this.draws = new Draws(config.population(), config.seed());
        this.dialplan = SimulatedDialplan.of(config);
    }

    @Override
    public CompletionStage<Reply> originate(AmiMessage action) {
        var channel = action.get("Channel").orElse("");
        if (channel.isBlank()) {
            return CompletableFuture.completedFuture(Reply.error("Channel not specified"));
        }
        var m = DIAL.matcher(channel.trim());
        if (!m.matches()) {
            return CompletableFuture.completedFuture(Reply.error(
                    "Originate failed: Channel '" + channel + "' (expected Tech/<number>@<context>)"));
        }
        if (action.get("Application").isPresent()) {
            return CompletableFuture.completedFuture(Reply.error("Originate with Application is not simulated"));
        }
        var context = action.get("Context").orElse("");
        if (context.isBlank()) {
            return CompletableFuture.completedFuture(Reply.error("Context not specified"));
        }
        final int priority;
        final long timeout;
        try {
            priority = Integer.parseInt(action.get("Priority").orElse("1").trim());
            timeout = Long.parseLong(action.get("Timeout").orElse("30000").trim());
        } catch (NumberFormatException e) {
            return CompletableFuture.completedFuture(Reply.error("Invalid priority or timeout"));
        }
        if (timeout <= 0 || priority <= 0) {
            return CompletableFuture.completedFuture(Reply.error("Invalid priority or timeout"));
        }
        var channelId = blankToNull(action.get("ChannelId").orElse(null));
        var otherChannelId = blankToNull(action.get("OtherChannelId").orElse(null));
        if ((channelId != null && channelId.length() > MAX_PUBLIC_UNIQUEID)
                || (otherChannelId != null && otherChannelId.length() > MAX_PUBLIC_UNIQUEID)) {
            return CompletableFuture.completedFuture(Reply.error(
                    "Uniqueid length exceeds maximum of " + MAX_PUBLIC_UNIQUEID));
        }
        if (uniqueidInUse(channelId) || uniqueidInUse(otherChannelId)) {
            return CompletableFuture.completedFuture(Reply.error("Uniqueid already in use"));
        }
        var async = TRUE.contains(action.get("Async").orElse("false").trim().toLowerCase(Locale.ROOT));
        // The channel is named, and its device reported, without the Local channel's options (Local/8700@ctx-0000;1).
        var dialString = m.group(1) + "/" + m.group(2) + "@" + m.group(3);
        var request = new OriginateRequest(action.get("ActionID").orElse(null), dialString, m.group(2),
                m.group(3), context.trim(), action.get("Exten").orElse("s").trim(), priority, timeout, async,
                variables(action), channelId, otherChannelId);
        env.stats.originates.incrementAndGet();
        // The doctor's loop-back call rings a Local channel in the PBX's own dialplan: nothing to draw, it answers.
        var draw = SimulatorConfig.DOCTOR_CONTEXT.equals(request.dialContext()) ? Draws.loopBack()
                : draws.next(request.number());
        var call = new SimCall(env, request, draw);
        scheduler.execute(call::start);
        return async ? CompletableFuture.completedFuture(Reply.ok("Originate successfully queued")) : call.finalReply;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private boolean uniqueidInUse(String uniqueid) {
        return uniqueid != null && env.byUniqueid.containsKey(uniqueid);
    }

    private static Map<String, String> variables(AmiMessage action) {
        var vars = new LinkedHashMap<String, String>();
        for (var header : action.all("Variable")) {
            for (var pair : header.split("[,|]")) {
                var eq = pair.indexOf('=');
                if (eq > 0) {
                    vars.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
        }
        return vars;
    }

    @Override
    public Reply hangup(AmiMessage action) {
        var channel = action.get("Channel").orElse("").trim();
        if (channel.isEmpty()) {
            return Reply.error("No channel specified");
        }
        // As Asterisk's channel storage: the name first, then a Uniqueid (an Originate's ChannelId while it rings).
        var call = env.byChannel.get(channel);
        if (call == null) {
            call = env.byUniqueid.get(channel);
        }
        var cause = parseCause(action.get("Cause").orElse("16"));
        if (call == null || !call.hangupAction(cause)) {
            return Reply.error("No such channel");
        }
        env.stats.hangupActions.incrementAndGet();
        return Reply.ok("Channel Hungup");
    }

    private static int parseCause(String text) {
        try {
            var c = Integer.parseInt(text.trim());
            return c > 0 && c < 128 ? c : 16;
        } catch (NumberFormatException e) {
            return 16;
        }
    }

    @Override
    public Reply redirect(AmiMessage action) {
        var channel = action.get("Channel").orElse("").trim();
        if (channel.isEmpty()) {
            return Reply.error("Channel not specified");
        }
        var context = action.get("Context").orElse("").trim();
        var exten = action.get("Exten").orElse("").trim();
        if (context.isEmpty() || exten.isEmpty()) {
            return Reply.error("Context and Exten must be specified");
        }
        var call = env.byChannel.get(channel);
        if (call == null || !channel.equals(call.one.name())) {
            return Reply.error("Channel does not exist");
        }
        return call.redirect(context, exten);
    }

    @Override
    public List<ChannelStatus> liveChannels() {
        var now = env.now();
        var out = new ArrayList<ChannelStatus>();
        for (var call : new LinkedHashSet<>(env.byChannel.values())) {
            call.lock.lock();
            try {
                out.addAll(call.channels(now));
            } finally {
                call.lock.unlock();
            }
        }
        return out;
    }

    /** The far end of the call with this CALL_ID hangs up, as a debtor would; false if no such call is up. */
    public boolean hangUpFromFarEnd(String callId) {
        for (var call : new LinkedHashSet<>(env.byChannel.values())) {
            if (callId.equals(call.request.callId())) {
                return call.hangupAction(16);
            }
        }
        return false;
    }

    @Override
    public List<DialplanPriority> dialplan() {
        return dialplan;
    }

    /** The calls (by CALL_ID) whose caller keyed a promise: true if told it is recorded, false if told it is not. */
    public Map<String, Boolean> promisesTold() {
        return Map.copyOf(env.promisesTold);
    }

    /**
     * Every call placed so far: the ended ones, then those still up (with no end). The calls up are read first and
     * the log of ended ones after, so a call that ends in between is listed once, ended, and never missed.
     */
    public List<PlacedCall> placedCalls() {
        var up = new ArrayList<PlacedCall>();
        new LinkedHashSet<>(env.byChannel.values()).forEach(call -> {
            call.lock.lock();
            try {
                if (call.phase != SimCall.Phase.ENDED) {
                    up.add(call.placedCall(null));
                }
            } finally {
                call.lock.unlock();
            }
        });
        var all = new ArrayList<>(env.placed);
        for (var call : up) {
            if (all.stream().noneMatch(ended -> ended.sameCall(call))) {
                all.add(call);
            }
        }
        return all;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        for (var call : env.byChannel.values()) {
            call.lock.lock();
            try {
                call.end();
            } finally {
                call.lock.unlock();
            }
        }
        agiThreads.shutdownNow();
    }
}
