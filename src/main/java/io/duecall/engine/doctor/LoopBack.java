package io.duecall.engine.doctor;

import io.duecall.adapter.ami.PbxProbe;
import io.duecall.ivr.adapter.agi.PromptCheckAgiScript;
import io.duecall.port.TelephonyUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The loop-back call of {@code doctor}: a Local channel originated into the PBX's doctor context, whose FastAGI
 * session comes back to the doctor's own server and checks that every prompt file the flows play is on the PBX. It
 * proves the PBX reaches the FastAGI address its dialplan names, and the prompts, in one call. A PBX answers a Local
 * channel and starts the AGI within milliseconds, so a session that does not arrive within {@code arrival} never will.
 */
public final class LoopBack {
    public static final Duration ARRIVAL = Duration.ofSeconds(5);
    public static final Duration WHOLE_CHECK = Duration.ofSeconds(30);
    private static final int NAMED_MISSING = 5;

    private final String context;
    private final String listening;
    private final PromptCheckAgiScript script;
    private final String listenFailure;
    private final Duration arrival;
    private final Duration whole;

    private LoopBack(String context, String listening, PromptCheckAgiScript script, String listenFailure,
            Duration arrival, Duration whole) {
        this.context = context;
        this.listening = listening;
        this.script = script;
        this.listenFailure = listenFailure;
        this.arrival = arrival;
        this.whole = whole;
    }

    /** The doctor's FastAGI server listens on {@code listening} ({@code host:port}) and serves {@code script}. */
    public static LoopBack listening(String context, String listening, PromptCheckAgiScript script,
            Duration arrival, Duration whole) {
        return new LoopBack(context, listening, script, null, arrival, whole);
    }

    /** The doctor could not listen where the dialplan sends FastAGI sessions; every PBX's loop-back fails with why. */
    public static LoopBack cannotListen(String context, String listening, String why) {
        return new LoopBack(context, listening, null, why, ARRIVAL, WHOLE_CHECK);
    }

    /** The loop-back call through one PBX: one line for the call and FastAGI, one for the prompts. */
    List<Check> call(String pbx, PbxProbe probe) {
        var name = pbx + " loop-back call";
        if (script == null) {
            return List.of(Check.fail(name, "cannot listen on " + listening + " for the PBX's FastAGI session ("
                    + listenFailure + ")", "stop what holds the port (./duecall run serves FastAGI there) and run "
                    + "doctor again, or set agi.bindHost to an address of this host"));
        }
        var callId = "doctor-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        var expected = script.expect(callId);
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
        String peer;
        try {
            peer = expected.arrived().get(arrival.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return List.of(Check.fail(name, "FastAGI unreachable: the PBX answered the loop-back call but no FastAGI "
                    + "session reached " + listening + " within " + arrival.toSeconds() + " s" + sentTo(probe),
                    "the dialplan's AGI "
                    + "address must be where the PBX reaches this host (./duecall dialplan renders it from agi.bindHost "
                    + "and agi.port; not 127.0.0.1 unless the PBX runs here), agi.allowFrom must list the PBX's "
                    + "address, and no firewall may block TCP port " + port() + " from the PBX"));
        } catch (ExecutionException | InterruptedException e) {
            return List.of(Check.fail(name, "the FastAGI session failed: " + e.getMessage(), "see the log above"));
        }
        PromptCheckAgiScript.Report report;
        try {
            report = expected.done().get(whole.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return List.of(Check.fail(name, "timeout: the FastAGI session from " + peer + " began but did not check "
                    + "the prompts within " + whole.toSeconds() + " s", "check the PBX's load and the network "
                    + "between it and this host"));
        } catch (ExecutionException | InterruptedException e) {
            return List.of(Check.fail(name, "the FastAGI session from " + peer + " broke off: "
                    + e.getCause(), "check the PBX's log for the " + context + " context"));
        }
        var millis = (System.nanoTime() - start) / 1_000_000;
        var checks = new ArrayList<Check>();
        checks.add(Check.ok(name, "answered; the FastAGI session from " + peer + " reached " + listening + " ("
                + millis + " ms with the prompt check)"));
        checks.add(prompts(pbx, report));
        return checks;
    }

    private Check prompts(String pbx, PromptCheckAgiScript.Report report) {
        var name = pbx + " prompts";
        var missing = report.missing();
        if (missing.isEmpty()) {
            return Check.ok(name, "all " + report.present().size() + " prompt files the flows play are on the PBX");
        }
        var named = String.join(", ", missing.subList(0, Math.min(NAMED_MISSING, missing.size())))
                + (missing.size() > NAMED_MISSING ? " and " + (missing.size() - NAMED_MISSING) + " more" : "");
        var total = missing.size() + report.present().size();
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
