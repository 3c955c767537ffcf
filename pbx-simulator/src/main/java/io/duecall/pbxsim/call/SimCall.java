package io.duecall.pbxsim.call;

import io.duecall.pbxsim.Outcome;
import io.duecall.pbxsim.PlacedCall;
import io.duecall.pbxsim.SimulatorConfig;
import io.duecall.pbxsim.agi.AgiCallSpec;
import io.duecall.pbxsim.agi.AgiTranscript;
import io.duecall.pbxsim.ami.AmiMessage;
import io.duecall.pbxsim.ami.ChannelStatus;
import io.duecall.pbxsim.ami.CallActions.Reply;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One originated call through its life: dialing, the outcome, the dialplan (AMD, FastAGI), a redirect to an agent
 * and the hangup. Every step runs under the call's lock, so the events of one call leave in order whichever
 * thread (timer, AGI, AMI action) drives it. This class stays whole because the steps share the leg state; the
 * event sequences per outcome live in {@link OutcomeSequences} and the agent leg in {@link AgentBridge}.
 */
final class SimCall {
    /** Logs name a call by its unique id: its channel's name holds the number dialed. */
    private static final Logger log = LoggerFactory.getLogger(SimCall.class);

    enum Phase { DIALING, UP, ENDED }

    final SimEnv env;
    final OriginateRequest request;
    final Draws.Draw draw;
    final ReentrantLock lock = new ReentrantLock();
    final CompletableFuture<Reply> finalReply = new CompletableFuture<>();
    Leg one;
    Leg two;
    Phase phase = Phase.DIALING;
    ScheduledFuture<?> pending;
    private ScheduledFuture<?> deadline;
    AgentBridge agent;
    private AgiRunner.Session agi;
    /** The AGI session a Redirect took the channel out of, until its script closes it; then {@code afterAgi} runs. */
    private AgiRunner.Session leavingAgi;
    private Runnable afterAgi;
    private String amdStatus;
    private String application = "";
    private String applicationData = "";
    private final java.time.Instant startedAt;
    private java.time.Instant answeredAt;
    java.time.Instant bridgedAt;
    private boolean logged;

    SimCall(SimEnv env, OriginateRequest request, Draws.Draw draw) {
        this.env = env;
        this.request = request;
        this.draw = draw;
        this.startedAt = env.now();
        var base = request.dialString() + "-" + env.nextChannelSeq();
        // Originate's ChannelId and OtherChannelId name the two legs' Uniqueids; the second defaults to "<first>;2".
        var u1 = request.channelId() != null ? request.channelId() : env.nextUniqueid();
        var u2 = request.otherChannelId() != null ? request.otherChannelId()
                : request.channelId() != null ? request.channelId() + ";2" : env.nextUniqueid();
        one = new Leg(base + ";1", ChannelState.DOWN, request.dialContext(), request.number(), 1, u1, u1);
        two = new Leg(base + ";2", ChannelState.RING, request.dialContext(), request.number(), 1, u2, u1);
        env.byChannel.put(one.name(), this);
        env.byChannel.put(two.name(), this);
        env.byUniqueid.put(u1, this);
        env.byUniqueid.put(u2, this);
    }

    void emit(AmiMessage event) {
        env.emit(event);
    }

    /** Schedules a step of this call; it runs under the lock and only while the call is not over. */
    void later(double seconds, Runnable step) {
        pending = env.after(seconds, () -> guarded(step));
    }

    void guarded(Runnable step) {
        lock.lock();
        try {
            if (phase != Phase.ENDED) {
                step.run();
            }
        } catch (RuntimeException e) {
            log.error("simulated call {} failed in a step; hanging it up", one.uniqueid(), e);
            end();
        } finally {
            lock.unlock();
        }
    }

    void start() {
        guarded(() -> new OutcomeSequences(this).dial());
    }

    /** The call was answered: run the originate's dialplan context. */
    void answered() {
        phase = Phase.UP;
        answeredAt = env.now();
        env.stats.answered.incrementAndGet();
        if (draw.outcome() == Outcome.MACHINE) {
            env.stats.machines.incrementAndGet();
        }
        finalReply.complete(Reply.ok("Originate successfully queued"));
        request.maxSeconds().ifPresent(max -> deadline = env.after(max, () -> guarded(this::absoluteTimeout)));
        one = one.at(request.context(), request.exten(), request.priority());
        if (env.config.amdContexts().contains(request.context())) {
            running("AMD", "");
            later(draw.outcome() == Outcome.MACHINE ? 2.2 : 1.2, this::amdDone);
        } else {
            runAgi(request.context());
        }
    }

    private void amdDone() {
        var machine = draw.outcome() == Outcome.MACHINE;
        amdStatus = machine ? "MACHINE" : "HUMAN";
        var body = new java.util.LinkedHashMap<String, String>();
        body.put("CALL_ID", request.callId() == null ? "" : request.callId());
        body.put("AMDSTATUS", amdStatus);
        body.put("AMDCAUSE", machine ? "LONGGREETING-1500-1500" : "HUMAN-800-800");
        one = one.atPriority(4);
        emit(env.events.userEvent(one, "AMDResult", body));
        runAgi(request.context());
    }

    /** Starts the FastAGI session the context runs, or hangs up if the context runs none. */
    void runAgi(String context) {
        var url = env.config.agiUrl(context);
        one = one.atPriority(amdStatus == null ? 3 : 5);
        if (url == null) {
            log.warn("context '{}' has no AGI configured; hanging up {}", context, one.uniqueid());
            new OutcomeSequences(this).dialplanHangup();
            return;
        }
        var vars = new HashMap<String, String>();
        if (request.callId() != null) {
            vars.put("CALL_ID", request.callId());
        }
        if (amdStatus != null) {
            vars.put("AMDSTATUS", amdStatus);
        }
        var args = request.callId() == null ? List.<String>of() : List.of(request.callId());
        var spec = new AgiCallSpec(url, one.name(), one.uniqueid(), context, args, vars, draw.script(),
                env.config.timeScale());
        var session = env.agi.open(spec);
        if (env.anyoneWants("agi")) {
            session.onCommand(new AgiExecEvents(this));
        }
        agi = session;
        running("AGI", url.toString());
        env.stats.agiSessions.incrementAndGet();
        env.agiThreads.execute(() -> runSession(session));
    }

    private void runSession(AgiRunner.Session session) {
        AgiTranscript transcript = null;
        try (session) {
            transcript = session.run();
        } catch (Exception e) {
            log.warn("FastAGI session of {} failed: {}", one.uniqueid(), e.toString());
        }
        if (transcript != null && draw.script().barges()) {
            env.stats.bargingCallers.incrementAndGet();
            env.stats.keysHeard.addAndGet(transcript.keysHeard());
            env.stats.keysLost.addAndGet(transcript.keysLost());
        }
        if (transcript != null && request.callId() != null) {
            notePromise(transcript);
        }
        var end = transcript == null ? null : transcript.end();
        guarded(() -> {
            if (leavingAgi == session) {
                // res_agi returns only once the script has closed the socket; the Redirect's target runs then.
                leavingAgi = null;
                var next = afterAgi;
                afterAgi = null;
                pending = env.afterReal(env.config.latency().closeToDialplan(), () -> guarded(next));
            } else {
                agiEnded(session, end);
            }
        });
    }

    /** Notes whether the caller heard their promise confirmed, or heard that it could not be recorded. */
    private void notePromise(AgiTranscript transcript) {
        for (var command : transcript.commands()) {
            if (command.contains("promise-confirmed")) {
                env.promisesTold.put(request.callId(), true);
            } else if (command.contains("promise-not-recorded")) {
                env.promisesTold.put(request.callId(), false);
            }
        }
    }

    private void agiEnded(AgiRunner.Session session, AgiTranscript.End end) {
        if (phase != Phase.UP || agi != session) {
            return;
        }
        agi = null;
        if (end == AgiTranscript.End.CALLER_HANGUP) {
            new OutcomeSequences(this).callerHangup();
        } else {
            new OutcomeSequences(this).dialplanHangup();
        }
    }

    /**
     * The channel's absolute timeout ran out (the dialplan's {@code Set(TIMEOUT(absolute)=${CALL_MAX_SECONDS})}):
     * the PBX hangs the call up wherever it is, in the IVR, waiting for an agent or bridged to one.
     */
    private void absoluteTimeout() {
        deadline = null;
        env.stats.maxDurationHangups.incrementAndGet();
        log.debug("{} reached its maximum duration; hanging up", one.name());
        cancelPending();
        stopAgi();
        if (agent != null) {
            agent.hangupAll(16);
        } else {
            new OutcomeSequences(this).debtorHangup(16);
        }
    }

    /** The AMI Hangup action; false if the call is already over. */
    boolean hangupAction(int cause) {
        lock.lock();
        try {
            if (phase == Phase.ENDED) {
                return false;
            }
            cancelPending();
            stopAgi();
            var seq = new OutcomeSequences(this);
            if (phase == Phase.DIALING) {
                seq.cancelledWhileDialing(cause);
            } else if (agent != null) {
                agent.hangupAll(cause);
            } else {
                seq.debtorHangup(cause);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The AMI Redirect action: leaves the AGI and goes to {@code context,exten,1}. */
    Reply redirect(String context, String exten) {
        lock.lock();
        try {
            if (phase == Phase.ENDED) {
                return Reply.error("Channel does not exist");
            }
            if (phase != Phase.UP || agent != null && !agent.ringingUnanswered()) {
                return Reply.error("Redirect failed");
            }
            cancelPending();
            if (agent != null) {
                agent.cancel();
                agent = null;
            }
            env.stats.redirects.incrementAndGet();
            // The channel shows its new place only once it gets there (after the FastAGI socket closes).
            Runnable next = () -> {
                one = one.at(context, exten, 1);
                afterRedirect(context, exten);
            };
            var session = agi;
            if (session != null) {
                // The channel stays in AGI() until the script closes the socket (reference cases 7a, 7d, 7e).
                agi = null;
                leavingAgi = session;
                afterAgi = next;
                var notice = env.config.latency().hangupNotice();
                env.agiThreads.execute(() -> session.redirect(notice));
            } else if (leavingAgi != null) {
                afterAgi = next;
            } else {
                pending = env.afterReal(env.config.latency().closeToDialplan(), () -> guarded(next));
            }
            return Reply.ok("Redirect successful");
        } finally {
            lock.unlock();
        }
    }

    private void afterRedirect(String context, String exten) {
        if (context.equals(env.config.agentContext())) {
            running("Dial", "Local/" + exten + "@" + context);
            agent = new AgentBridge(this, exten);
            agent.dial();
        } else if (env.config.agiByContext().containsKey(context)) {
            runAgi(context);
        } else if (context.equals(env.config.abandonContext())) {
            abandonMessage();
        } else {
            log.warn("redirect to context '{}' that the simulator has no dialplan for; hanging up", context);
            new OutcomeSequences(this).debtorHangup(16);
        }
    }

    /** The abandon context: the message naming the company and the callback number plays, then the line is hung up. */
    void abandonMessage() {
        env.stats.abandonMessages.incrementAndGet();
        one = one.at(env.config.abandonContext(), "s", 3);
        running("Playback", "duecall/abandon");
        later(SimulatorConfig.ABANDON_MESSAGE_SECONDS, () -> new OutcomeSequences(this).dialplanHangupAfterDial(16));
    }

    private void stopAgi() {
        for (var session : new AgiRunner.Session[] {agi, leavingAgi}) {
            if (session != null) {
                env.agiThreads.execute(session::interrupt);
            }
        }
        agi = null;
        leavingAgi = null;
        afterAgi = null;
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel(/* mayInterruptIfRunning= */ false);
            pending = null;
        }
    }

    private void running(String app, String data) {
        application = app;
        applicationData = data;
    }

    /** The channels of this call that exist now, for CoreShowChannels; none once it has ended. Call under the lock. */
    List<ChannelStatus> channels(java.time.Instant now) {
        if (phase == Phase.ENDED) {
            return List.of();
        }
        var age = java.time.Duration.between(startedAt, now);
        var bridge = agent == null ? null : agent.bridgeId().orElse(null);
        var out = new java.util.ArrayList<ChannelStatus>(4);
        out.add(new ChannelStatus(one.fields(""), application, applicationData, bridge, age));
        out.add(new ChannelStatus(two.fields(""), "", "", null, age));
        if (agent != null) {
            out.addAll(agent.channels(now));
        }
        return out;
    }

    /** The call as the PBX log shows it; {@code endedAt} null while it is up. */
    PlacedCall placedCall(java.time.Instant endedAt) {
        return new PlacedCall(request.number(), request.callId(), startedAt, endedAt, request.dialString(),
                request.context(), answeredAt, bridgedAt);
    }

    /** The call is over: forget its channels and release whatever it held. */
    void end() {
        // Logged before the phase says ended, so a reader who sees it ended finds it in the log.
        if (!logged) {
            logged = true;
            env.placed.add(placedCall(env.now()));
        }
        phase = Phase.ENDED;
        cancelPending();
        if (deadline != null) {
            deadline.cancel(/* mayInterruptIfRunning= */ false);
            deadline = null;
        }
        stopAgi();
        env.byChannel.remove(one.name(), this);
        env.byChannel.remove(two.name(), this);
        env.byUniqueid.remove(one.uniqueid(), this);
        env.byUniqueid.remove(two.uniqueid(), this);
        if (agent != null) {
            agent.release();
        }
        finalReply.complete(Reply.error("Originate failed"));
    }
}
