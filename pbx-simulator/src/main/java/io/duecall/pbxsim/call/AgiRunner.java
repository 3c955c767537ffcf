package io.duecall.pbxsim.call;

import io.duecall.pbxsim.agi.AgiCallSpec;
import io.duecall.pbxsim.agi.AgiTranscript;
import java.io.IOException;

/** Runs the FastAGI part of an answered call: the simulated caller talking to the dialer's AGI server. */
@FunctionalInterface
public interface AgiRunner {
    Session open(AgiCallSpec spec);

    /** One AGI session; {@link #run()} blocks until it ends, {@link #interrupt()} ends it from outside. */
    interface Session extends AutoCloseable {
        AgiTranscript run() throws IOException;

        void interrupt();

        /**
         * The channel is redirected out of the AGI: the script is told (HANGUP) and {@link #run()} returns once it has
         * closed the session. A runner that cannot wait for that ends the session at once.
         */
        default void redirect(java.time.Duration hangupNoticeDelay) {
            interrupt();
        }

        /** Reports each command's start and end (Asterisk's AGIExecStart and AGIExecEnd) from now on. */
        default void onCommand(io.duecall.pbxsim.agi.FastAgiCaller.CommandListener commands) {}

        @Override
        void close();
    }
}
