package io.duecall.pbxsim.agi;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
    private OutputStream out;

    public FastAgiCaller(AgiCallSpec spec) {
        this(spec, SoundFiles.all());
    }

    /** As above, on a PBX that has only the sound files {@code sounds} says it has. */
    public FastAgiCaller(AgiCallSpec spec, SoundFiles sounds) {
        this.spec = spec;
        this.sounds = sounds;
        this.caller = new SimulatedCaller(spec.caller(), spec.timeScale(), spec.clock(), () -> !lines.isEmpty());
    }

    /** Runs the session to its end; blocks the calling thread. */
    public AgiTranscript run() throws IOException {
        if (interrupted) {
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
            if (out != null && !socket.isClosed()) {
                try {
                    write("HANGUP\n");
                } catch (IOException e) {
                    // The script already went away; closing below is all that is left to do.
                }
            }
        }
        close();
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
                    return dead ? AgiTranscript.End.CALLER_HANGUP : AgiTranscript.End.SCRIPT_CLOSED;
                }
                var line = next.get();
                caller.commandArrives();
                var hangupNotice = !dead && caller.hangsUpNow();
                dead |= hangupNotice;
                AgiCommands.Reply reply;
                try {
                    reply = line.equals(AgiLineReader.OVERLONG)
                            ? AgiCommands.Reply.of(AgiCommands.INVALID)
                            : agi.execute(AgiCommandLine.parse(line), dead);
                } catch (SimulatedCaller.CutShort stopped) {
                    // The script's next line stopped this command; like res_agi, it writes no result line.
                    record(line, "");
                    caller.replied();
                    continue;
                }
                if (interrupted) {
                    return AgiTranscript.End.INTERRUPTED;
                }
                var text = (hangupNotice ? "HANGUP\n" : "") + reply.text();
                record(line, text);
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
            return dead ? AgiTranscript.End.CALLER_HANGUP : AgiTranscript.End.SCRIPT_CLOSED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AgiTranscript.End.INTERRUPTED;
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
