package io.duecall.pbxsim.agi;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Plays Asterisk running {@code AGI(agi://host:port/script,args...)} on an answered channel: connects to the
 * FastAGI server, sends the environment, and answers each command as Asterisk 22 would, with the spec's simulated
 * caller on the line. When the caller hangs up the script is sent {@code HANGUP} and later commands that need a live
 * channel get 511, which asterisk-java turns into an AgiHangupException.
 */
public final class FastAgiCaller implements AutoCloseable {
    private static final int DEFAULT_PORT = 4573;
    private static final int MAX_LINE = 8192;
    // Generous: hundreds of simulated calls may connect at once on a busy machine, and a dropped SYN is retried after 1 s, 3 s, 7 s.
    private static final int CONNECT_TIMEOUT_MS = 30_000;

    private final AgiCallSpec spec;
    private final SoundFiles sounds;
    private final SimulatedCaller caller;
    private final Socket socket = new Socket();
    private final Object writeLock = new Object();
    private final List<String> commands = new ArrayList<>();
    private final List<String> replies = new ArrayList<>();
    /** What the script has sent and the session has not read yet; an empty entry is the end of the stream. */
    private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
    private volatile boolean interrupted;
    /** The channel was redirected out of the AGI: the script hears HANGUP and the session lasts until it closes. */
    private volatile boolean redirected;
    private volatile Duration hangupNoticeDelay = Duration.ZERO;
    private volatile CommandListener listener = CommandListener.NONE;
    /** A command is being carried out (guarded by writeLock). */
    private boolean running;
    /** The HANGUP notice of a redirect has been written (guarded by writeLock). */
    private boolean noticeSent;
    private OutputStream out;

    /** Told when each command starts and ends, as Asterisk's AGIExecStart and AGIExecEnd events report them. */
    public interface CommandListener {
        CommandListener NONE = new CommandListener() {
            @Override
            public void started(String command) {}

            @Override
            public void ended(String command, String result) {}
        };

        void started(String command);

        /** {@code result} is the reply line, or empty for a command that wrote none (cut short by the script). */
        void ended(String command, String result);
    }

    public FastAgiCaller(AgiCallSpec spec) {
        this(spec, SoundFiles.all());
    }

    /** As above, on a PBX that has only the sound files {@code sounds} says it has. */
    public FastAgiCaller(AgiCallSpec spec, SoundFiles sounds) {
        this.spec = spec;
        this.sounds = sounds;
        this.caller = new SimulatedCaller(spec.caller(), spec.timeScale(), spec.clock(), () -> !lines.isEmpty());
    }

    /** Tells {@code commands} when each command starts and ends from now on. */
    public void onCommand(CommandListener commands) {
        this.listener = java.util.Objects.requireNonNull(commands, "commands");
    }

    /** Runs the session to its end; blocks the calling thread. */
    public AgiTranscript run() throws IOException {
        if (interrupted || redirected) {
            return new AgiTranscript(List.of(), List.of(), AgiTranscript.End.INTERRUPTED, 0, 0);
        }
        var port = spec.agiUrl().getPort() < 0 ? DEFAULT_PORT : spec.agiUrl().getPort();
        socket.connect(new InetSocketAddress(spec.agiUrl().getHost(), port), CONNECT_TIMEOUT_MS);
        synchronized (writeLock) {
            out = socket.getOutputStream();
            write(AgiEnvironment.render(spec));
        }
        // Asterisk watches the socket while a prompt plays, so the script's lines are read as they come.
        var in = new AgiLineReader(socket.getInputStream(), MAX_LINE);
        Thread.ofVirtual().name("fastagi-caller-reader").start(() -> readLines(in));
        var end = converse(new AgiCommands(caller, spec.variables(), sounds));
        close();
        synchronized (commands) {
            return new AgiTranscript(commands, replies, end, caller.keysHeard(), caller.keysLost());
        }
    }

    /** The channel left the AGI (a Redirect or Hangup from AMI): the script hears HANGUP and the connection closes. */
    public void interrupt() {
        interrupted = true;
        caller.leave();
        synchronized (writeLock) {
            if (out != null && !socket.isClosed() && !noticeSent) {
                noticeSent = true;
                try {
                    write("HANGUP\n");
                } catch (IOException e) {
                    // The script already went away; closing below is all that is left to do.
                }
            }
        }
        close();
    }

    /**
     * The channel is redirected out of the AGI (an AMI Redirect), as res_agi handles it (reference cases 7a, 7d, 7e):
     * a command running now ends with {@code 200 result=-1} and the {@code HANGUP} line follows {@code noticeDelay}
     * later; with no command running, {@code HANGUP} is written at once. The session then answers as on a dead
     * channel and ends only when the script closes the socket, which is when the channel moves on.
     */
    public void redirect(Duration noticeDelay) {
        synchronized (writeLock) {
            if (redirected || interrupted) {
                return;
            }
            hangupNoticeDelay = noticeDelay;
            redirected = true;
            if (!running) {
                sendNotice();
            }
        }
        caller.leave();
    }

    /** Writes the HANGUP notice once; call with writeLock held. */
    private void sendNotice() {
        if (noticeSent) {
            return;
        }
        noticeSent = true;
        if (out != null && !socket.isClosed()) {
            try {
                write("HANGUP\n");
            } catch (IOException e) {
                // The script went away; its close is what the channel waits for, and that has happened.
            }
        }
    }

    @Override
    public void close() {
        caller.leave();
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a socket we own cannot fail in a way the session could act on.
        }
    }

    private void readLines(AgiLineReader in) {
        try {
            for (var line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(Optional.of(line));
                caller.scriptSpoke();
            }
        } catch (IOException e) {
            // A reset or our own close: the session sees the end of the stream.
        }
        lines.add(Optional.empty());
        caller.scriptSpoke();
    }

    private AgiTranscript.End converse(AgiCommands agi) {
        var dead = false;
        try {
            while (true) {
                var next = lines.take();
                if (interrupted) {
                    return AgiTranscript.End.INTERRUPTED;
                }
                if (next.isEmpty()) {
                    return redirected ? AgiTranscript.End.REDIRECTED
                            : dead ? AgiTranscript.End.CALLER_HANGUP : AgiTranscript.End.SCRIPT_CLOSED;
                }
                var line = next.get();
                boolean leaving;
                synchronized (writeLock) {
                    running = true;
                    leaving = redirected;
                }
                dead |= leaving;
                caller.commandArrives();
                var hangupNotice = !dead && caller.hangsUpNow();
                dead |= hangupNotice;
                listener.started(line);
                AgiCommands.Reply reply;
                try {
                    reply = line.equals(AgiLineReader.OVERLONG)
                            ? AgiCommands.Reply.of(AgiCommands.INVALID)
                            : agi.execute(AgiCommandLine.parse(line), dead);
                } catch (SimulatedCaller.CutShort stopped) {
                    // The script's next line stopped this command; like res_agi, it writes no result line.
                    synchronized (writeLock) {
                        running = false;
                    }
                    record(line, "");
                    listener.ended(line, "");
                    caller.replied();
                    continue;
                }
                if (interrupted) {
                    return AgiTranscript.End.INTERRUPTED;
                }
                boolean cut;
                synchronized (writeLock) {
                    running = false;
                    cut = redirected && !noticeSent;
                }
                if (cut) {
                    dead = true;
                    var text = redirectedResult(line, reply.text());
                    record(line, text);
                    listener.ended(line, text);
                    synchronized (writeLock) {
                        write(text + "\n");
                    }
                    pause(hangupNoticeDelay);
                    synchronized (writeLock) {
                        sendNotice();
                    }
                    continue;
                }
                var text = (hangupNotice ? "HANGUP\n" : "") + reply.text();
                record(line, text);
                listener.ended(line, reply.text());
                // The script's thinking time starts with the reply, so it is marked before the script can read it.
                caller.replied();
                synchronized (writeLock) {
                    write(text + "\n");
                }
                if (reply.endsSession()) {
                    // As res_agi does once the channel is hung up: the notice follows the reply, then it waits for the close.
                    synchronized (writeLock) {
                        write("HANGUP\n");
                    }
                    return AgiTranscript.End.SCRIPT_HANGUP;
                }
            }
        } catch (IOException e) {
            if (interrupted) {
                return AgiTranscript.End.INTERRUPTED;
            }
            if (redirected) {
                return AgiTranscript.End.REDIRECTED;
            }
            return dead ? AgiTranscript.End.CALLER_HANGUP : AgiTranscript.End.SCRIPT_CLOSED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AgiTranscript.End.INTERRUPTED;
        }
    }

    /**
     * What a command that a Redirect cut short writes: {@code 200 result=-1}, as res_agi reports a command ended by the
     * channel leaving (recorded for WAIT FOR DIGIT, case 7d); a prompt keeps its {@code endpos} field, which here is
     * where the simulated prompt would have ended, as the recordings do not show a prompt cut by a Redirect.
     */
    private static String redirectedResult(String command, String reply) {
        if (!reply.startsWith("200 result=")) {
            return reply;
        }
        var cmd = AgiCommandLine.parse(command);
        var waits = cmd.is("STREAM", "FILE") || cmd.is("WAIT", "FOR", "DIGIT") || cmd.is("GET", "DATA")
                || cmd.is("GET", "OPTION") || cmd.is("SAY") || cmd.is("EXEC");
        if (!waits) {
            return reply;
        }
        var endpos = reply.indexOf(" endpos=");
        var keepsEndpos = cmd.is("STREAM", "FILE") || cmd.is("GET", "OPTION");
        return "200 result=-1" + (keepsEndpos && endpos >= 0 ? reply.substring(endpos) : "");
    }

    private static void pause(Duration length) {
        if (!length.isPositive()) {
            return;
        }
        try {
            Thread.sleep(length);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void record(String command, String reply) {
        synchronized (commands) {
            commands.add(command.equals(AgiLineReader.OVERLONG) ? "<line over " + MAX_LINE + " bytes>" : command);
            replies.add(reply);
        }
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
