package io.duecall.pbxsim;

import io.duecall.pbxsim.agi.AgiCallSpec;
import io.duecall.pbxsim.agi.AgiTranscript;
import io.duecall.pbxsim.agi.FastAgiCaller;
import io.duecall.pbxsim.agi.SoundFiles;
import io.duecall.pbxsim.call.AgiRunner;
import java.io.IOException;

/** Runs answered calls' FastAGI sessions with {@link FastAgiCaller}: the simulated debtor talking to the dialer. */
final class FastAgiRunner implements AgiRunner {
    private final SoundFiles sounds;

    FastAgiRunner(SoundFiles sounds) {
        this.sounds = sounds;
    }

    @Override
    public Session open(AgiCallSpec spec) {
        var caller = new FastAgiCaller(spec, sounds);
        return new Session() {
            @Override
            public AgiTranscript run() throws IOException {
                return caller.run();
            }

            @Override
            public void interrupt() {
                caller.interrupt();
            }

            @Override
            public void redirect(java.time.Duration hangupNoticeDelay) {
                caller.redirect(hangupNoticeDelay);
            }

            @Override
            public void onCommand(FastAgiCaller.CommandListener commands) {
                caller.onCommand(commands);
            }

            @Override
            public void close() {
                caller.close();
            }
        };
    }
}
