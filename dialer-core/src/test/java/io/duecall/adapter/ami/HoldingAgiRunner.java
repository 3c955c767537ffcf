package io.duecall.adapter.ami;

import io.duecall.pbxsim.agi.AgiCallSpec;
import io.duecall.pbxsim.agi.AgiTranscript;
import io.duecall.pbxsim.call.AgiRunner;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A debtor who stays in the IVR, saying nothing, until the call is redirected or hung up from outside. */
final class HoldingAgiRunner implements AgiRunner {
    @Override
    public Session open(AgiCallSpec spec) {
        var released = new CountDownLatch(1);
        return new Session() {
            @Override
            public AgiTranscript run() {
                try {
                    released.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new AgiTranscript(List.of(), List.of(), AgiTranscript.End.INTERRUPTED, 0, 0);
            }

            @Override
            public void interrupt() {
                released.countDown();
            }

            @Override
            public void close() {
                released.countDown();
            }
        };
    }
}
