package io.duecall.pbxsim;

import io.duecall.pbxsim.agi.AgiCallSpec;
import io.duecall.pbxsim.agi.AgiTranscript;
import io.duecall.pbxsim.call.AgiRunner;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An AGI runner whose sessions last until the test ends them, recording each session's spec. */
final class ScriptedAgi implements AgiRunner {
    final LinkedBlockingQueue<Call> calls = new LinkedBlockingQueue<>();

    /** One session: the spec the simulator built and the switch that ends it. */
    record Call(AgiCallSpec spec, CompletableFuture<AgiTranscript.End> end, CompletableFuture<Void> interrupted) {
        void endWith(AgiTranscript.End how) {
            end.complete(how);
        }
    }

    @Override
    public Session open(AgiCallSpec spec) {
        var call = new Call(spec, new CompletableFuture<>(), new CompletableFuture<>());
        calls.add(call);
        return new Session() {
            @Override
            public AgiTranscript run() {
                try {
                    var how = call.end().get(10, TimeUnit.SECONDS);
                    return new AgiTranscript(List.of(), List.of(), how, 0, 0);
                } catch (Exception e) {
                    return new AgiTranscript(List.of(), List.of(), AgiTranscript.End.INTERRUPTED, 0, 0);
                }
            }

            @Override
            public void interrupt() {
                call.interrupted().complete(null);
                call.end().complete(AgiTranscript.End.INTERRUPTED);
            }

            @Override
            public void close() {
            }
        };
    }

    Call next() throws InterruptedException {
        var c = calls.poll(5, TimeUnit.SECONDS);
        if (c == null) {
            throw new AssertionError("no AGI session started within 5 s");
        }
        return c;
    }
}
