package io.duecall.pbxsim;

import io.duecall.pbxsim.agi.AgiCallSpec;
import io.duecall.pbxsim.agi.AgiTranscript;
import io.duecall.pbxsim.call.AgiRunner;
import java.io.IOException;

/** Runs answered calls' FastAGI sessions with the simulated caller. Not wired yet: every session fails at once. */
final class FastAgiRunner implements AgiRunner {
    static final FastAgiRunner INSTANCE = new FastAgiRunner();

    @Override
    public Session open(AgiCallSpec spec) {
        return new Session() {
            @Override
            public AgiTranscript run() throws IOException {
                throw new IOException("FastAGI caller not available yet; cannot reach " + spec.agiUrl());
            }

            @Override
            public void interrupt() {
            }

            @Override
            public void close() {
            }
        };
    }
}
