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

        @Override
        void close();
    }
}
