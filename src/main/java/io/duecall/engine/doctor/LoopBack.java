package io.duecall.engine.doctor;

import io.duecall.adapter.ami.PbxProbe;
import io.duecall.ivr.adapter.agi.PromptCheckAgiScript;
import io.duecall.port.Pause;
import io.duecall.port.TelephonyUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The loop-back call of {@code doctor}: a Local channel originated into the PBX's doctor context, whose FastAGI
 * session comes back to the configured FastAGI address and checks that every prompt file the flows play is on the
 * PBX. It proves the PBX reaches the FastAGI address its dialplan names, and the prompts, in one call. The session is
 * served by the doctor's own server, or, while the engine holds the port, by the engine's, which reports through
 * Redis. A PBX answers a Local channel and starts the AGI within milliseconds, so a session that does not arrive
 * within {@code arrival} never will.
 */
public final class LoopBack {
    public static final Duration ARRIVAL = Duration.ofSeconds(5);
    public static final Duration WHOLE_CHECK = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 100;
    private static final Duration POLL = Duration.ofMillis(POLL_MILLIS);
    private static final int NAMED_MISSING = 5;

    /** Where the doctor learns what became of a loop-back call's FastAGI session. */
    private interface Sessions {
        /** Called before the originate. */
        void expect(String callId);

        /** The PBX's address once the session arrived; empty if it has not within {@code wait}. */
        Optional<String> arrival(String callId, Duration wait) throws Exception;

        /** What the session found once done; empty if it has not finished within {@code wait}. */
        Optional<PromptCheckAgiScript.Report> report(String callId, Duration wait) throws Exception;
    }

    /** What a running engine's FastAGI server reported of a loop-back call, as far as it got; see {@code RedisDoctorReports}. */
    public record EngineReport(String peer, Optional<PromptCheckAgiScript.Report> report) {}

    private final String context;
    private final String listening;
    private final String server;
    private final Sessions sessions;
    private final String listenFailure;
    private final Duration arrival;
    private final Duration whole;

    private LoopBack(String context, String listening, String server, Sessions sessions, String listenFailure,
            Duration arrival, Duration whole) {
        this.context = context;
        this.listening = listening;
        this.server = server;
        this.sessions = sessions;
        this.listenFailure = listenFailure;
        this.arrival = arrival;
        this.whole = whole;
    }

    /** The doctor's FastAGI server listens on {@code listening} ({@code host:port}) and serves {@code script}. */
    public static LoopBack listening(String context, String listening, PromptCheckAgiScript script,
            Duration arrival, Duration whole) {
        return new LoopBack(context, listening, "", new Sessions() {
            private final java.util.Map<String, PromptCheckAgiScript.Expected> calls =
                    new java.util.concurrent.ConcurrentHashMap<>();

            @Override
            public void expect(String callId) {
                calls.put(callId, script.expect(callId));
            }

            @Override
            public Optional<String> arrival(String callId, Duration wait) throws Exception {
                return awaited(calls.get(callId).arrived(), wait);
            }

            @Override
            public Optional<PromptCheckAgiScript.Report> report(String callId, Duration wait) throws Exception {
                return awaited(calls.get(callId).done(), wait);
            }
        }, null, arrival, whole);
    }

    /**
     * The engine holds {@code listening}, and its FastAGI server serves the loop-back call: {@code reports} reads what
     * it reported for a call id, polled every {@value #POLL_MILLIS} ms with {@code pause}.
     */
    public static LoopBack throughRunningEngine(String context, String listening,
            Function<String, Optional<EngineReport>> reports, Pause pause, Duration arrival, Duration whole) {
        return new LoopBack(context, listening, " (the port is held, presumably by ./duecall run, whose FastAGI server "
                + "reports through Redis)", new Sessions() {
            @Override
            public void expect(String callId) {
                // The engine's server checks any call id of the doctor's shape.
            }

            @Override
            public Optional<String> arrival(String callId, Duration wait) throws Exception {
                return poll(() -> reports.apply(callId).map(EngineReport::peer), wait, pause);
            }

            @Override
            public Optional<PromptCheckAgiScript.Report> report(String callId, Duration wait) throws Exception {
                return poll(() -> reports.apply(callId).flatMap(EngineReport::report), wait, pause);
            }
        }, null, arrival, whole);
    }

    /** The doctor could not listen where the dialplan sends FastAGI sessions; every PBX's loop-back fails with why. */
    public static LoopBack cannotListen(String context, String listening, String why) {
        return new LoopBack(context, listening, "", null, why, ARRIVAL, WHOLE_CHECK);
    }

    private static <T> Optional<T> awaited(java.util.concurrent.CompletableFuture<T> future, Duration wait)
            throws InterruptedException, ExecutionException {
        try {
            return Optional.of(future.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        }
    }

    private static <T> Optional<T> poll(java.util.function.Supplier<Optional<T>> read, Duration wait, Pause pause)
            throws InterruptedException {
        long until = System.nanoTime() + wait.toNanos();
        while (true) {
            var value = read.get();
            if (value.isPresent() || System.nanoTime() > until) {
                return value;
            }
            pause.sleep(POLL);
        }
    }

    /** The loop-back call through one PBX: one line for the call and FastAGI, one for the prompts. */
    List<Check> call(String pbx, PbxProbe probe) {
        var name = pbx + " loop-back call";
        if (sessions == null) {
            return List.of(Check.fail(name, "cannot listen on " + listening + " for the PBX's FastAGI session ("
                    + listenFailure + ")", "stop what holds the port and run doctor again, or set agi.bindHost to "
                    + "an address of this host"));
        }
        var callId = "doctor-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        sessions.expect(callId);
        long start = System.nanoTime();
        try {
            var refused = probe.originateLocal(context, callId, whole);
            if (refused.isPresent()) {
                return List.of(Check.fail(name, "the PBX refused the originate into " + context + ": "
                        + refused.get(), "include the " + context + " context (./duecall dialplan prints it; "
                        + "./duecall render writes it) and run dialplan reload; the AMI user needs write = originate"));
            }
        } catch (TelephonyUnavailableException e) {
            return List.of(Check.fail(name, "timeout: " + e.getMessage(), "check the PBX's log for the "
                    + context + " context and the AMI user's write = originate"));
        }
        Optional<String> peer;
        Optional<PromptCheckAgiScript.Report> report;
        try {
            peer = sessions.arrival(callId, arrival);
            if (peer.isEmpty()) {
                return List.of(Check.fail(name, "FastAGI unreachable: the PBX answered the loop-back call but no "
                        + "FastAGI session reached " + listening + server + " within " + arrival.toSeconds() + " s"
                        + sentTo(probe), "the dialplan's AGI address must be where the PBX reaches this host "
                        + "(./duecall dialplan renders it from agi.bindHost and agi.port; not 127.0.0.1 unless the PBX "
                        + "runs here), agi.allowFrom must list the PBX's address, and no firewall may block TCP port "
                        + port() + " from the PBX"));
            }
            report = sessions.report(callId, whole);
        } catch (Exception e) {
            return List.of(Check.fail(name, "the FastAGI session broke off: " + e, "check the PBX's log for the "
                    + context + " context"));
        }
        if (report.isEmpty()) {
            return List.of(Check.fail(name, "timeout: the FastAGI session from " + peer.get() + " began but did not "
                    + "check the prompts within " + whole.toSeconds() + " s", "check the PBX's load and the network "
                    + "between it and this host"));
        }
        var millis = (System.nanoTime() - start) / 1_000_000;
        var checks = new ArrayList<Check>();
        checks.add(Check.ok(name, "answered; the FastAGI session from " + peer.get() + " reached " + listening
                + server + " (" + millis + " ms with the prompt check)"));
        checks.add(prompts(pbx, report.get()));
        return checks;
    }

    private Check prompts(String pbx, PromptCheckAgiScript.Report report) {
        var name = pbx + " prompts";
        var missing = report.missing();
        if (missing.isEmpty()) {
            return Check.ok(name, "all " + report.present().size() + " prompt files the flows play are on the PBX");
        }
        var total = missing.size() + report.present().size();
        var named = String.join(", ", missing.subList(0, Math.min(NAMED_MISSING, missing.size())))
                + (missing.size() > NAMED_MISSING ? " and " + (missing.size() - NAMED_MISSING) + " more" : "");
        return Check.fail(name, missing.size() + " of " + total + " prompt files missing on the PBX: " + named,
                "put the recordings (or ./duecall prompts generate --config FILE --out DIR's placeholders) under "
                        + "the PBX's sounds directory, as DIR/duecall/... in /var/lib/asterisk/sounds/duecall/; "
                        + "./duecall prompts check DIR finds what is missing before you copy");
    }

    /** Where the PBX's doctor context says it sends the session, when it can be read. */
    private String sentTo(PbxProbe probe) {
        try {
            return probe.agiAddress(context).map(url -> " (the PBX's " + context + " context sends it to " + url + ")")
                    .orElse("");
        } catch (TelephonyUnavailableException e) {
            return "";
        }
    }

    private String port() {
        return listening.substring(listening.lastIndexOf(':') + 1);
    }
}
