package io.duecall.ivr.adapter.agi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI script of {@code doctor}'s loop-back call: the PBX plays each prompt file from far past its end, which
 * takes no time and tells a file it has ({@code 200 result=0 endpos=<its length>}) from one it cannot open ({@code
 * 200 result=-1}, res_agi's reply when no format of the file is found), then the script hangs up. The doctor says
 * which call id it originates before the call and reads what the session found from the returned handle.
 */
public final class PromptCheckAgiScript implements AgiScript {
    public static final String SCRIPT = "doctor";
    /** Far past the end of any prompt (over 69 hours at 8 kHz); res_agi's seek stops at the file's end. */
    static final int PAST_THE_END = 2_000_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(PromptCheckAgiScript.class);

    /** What one loop-back session found: the PBX's address as the server saw it, the files present and missing. */
    public record Report(String peer, List<String> present, List<String> missing) {
        public Report {
            present = List.copyOf(present);
            missing = List.copyOf(missing);
        }
    }

    /** One call the doctor waits for: when its session arrives (with the PBX's address) and what it found. */
    public static final class Expected {
        private final CompletableFuture<String> arrived = new CompletableFuture<>();
        private final CompletableFuture<Report> done = new CompletableFuture<>();

        /** Completes with the peer's address once the PBX opens the call's FastAGI session. */
        public CompletableFuture<String> arrived() {
            return arrived;
        }

        /** Completes once every file is checked, or exceptionally if the session broke off. */
        public CompletableFuture<Report> done() {
            return done;
        }
    }

    private final List<String> files;
    private final Map<String, Expected> expected = new ConcurrentHashMap<>();
    private final Elsewhere elsewhere;

    /** Hears of the loop-back calls placed by a doctor in another process: when each arrives and what it found. */
    public interface Elsewhere {
        void arrived(String callId, String peer);

        void done(String callId, Report report);
    }

    /** @param files the sound files to look for, as the flows play them ({@code duecall/greeting-morning}) */
    public PromptCheckAgiScript(List<String> files) {
        this(files, (Elsewhere) null);
    }

    /**
     * As a running engine serves it: a loop-back call no doctor in this process waits for (its call id starts with
     * {@code doctor-}) is checked all the same and its report handed to {@code elsewhere}, for the doctor that placed
     * it from another process.
     */
    public PromptCheckAgiScript(List<String> files, Elsewhere elsewhere) {
        this.files = List.copyOf(files);
        this.elsewhere = elsewhere;
    }

    /** The handle of the loop-back call with this call id (the AGI's first argument); register before originating. */
    public Expected expect(String callId) {
        return expected.computeIfAbsent(callId, id -> new Expected());
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        var args = request.getArguments();
        var callId = args == null || args.length == 0 || args[0] == null ? "" : args[0];
        var call = expected.get(callId);
        if (call == null && elsewhere != null && callId.matches("doctor-[0-9a-f]{1,32}")) {
            call = new Expected();
            var id = callId;
            call.arrived.thenAccept(peer -> elsewhere.arrived(id, peer));
            call.done.thenAccept(report -> elsewhere.done(id, report));
        }
        if (call == null) {
            LOG.warn("loop-back FastAGI session for call '{}' that no doctor waits for; hanging up",
                    IvrServer.masked(callId));
            channel.hangup();
            return;
        }
        var peer = request.getRemoteAddress() == null ? "?" : request.getRemoteAddress().getHostAddress();
        call.arrived.complete(peer);
        try {
            var present = new ArrayList<String>();
            var missing = new ArrayList<String>();
            for (var file : files) {
                var reply = channel.sendCommand(new StreamFileCommand(file, "", PAST_THE_END));
                (reply.getResultCode() < 0 ? missing : present).add(file);
            }
            call.done.complete(new Report(peer, present, missing));
            channel.hangup();
        } catch (AgiException | RuntimeException e) {
            call.done.completeExceptionally(e);
            throw e;
        }
    }
}
