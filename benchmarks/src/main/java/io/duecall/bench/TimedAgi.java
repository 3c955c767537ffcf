package io.duecall.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;

/**
 * Wraps the IVR's FastAGI script and adds up, per call, the time its session spent inside AGI commands: sending one
 * and waiting for the PBX's reply. That time is the PBX's (here the simulator's, on the same cores), not the engine's.
 */
final class TimedAgi implements AgiScript {
    private final AgiScript delegate;
    private final Map<String, AtomicLong> waitingNanos = new ConcurrentHashMap<>();

    TimedAgi(AgiScript delegate) {
        this.delegate = delegate;
    }

    /** Time the call's IVR has spent waiting on the PBX so far. */
    long pbxNanos(String callId) {
        var waited = waitingNanos.get(callId);
        return waited == null ? 0 : waited.get();
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws org.asteriskjava.fastagi.AgiException {
        var args = request.getArguments();
        var callId = args != null && args.length > 0 ? args[0] : null;
        if (callId == null) {
            delegate.service(request, channel);
            return;
        }
        var waited = waitingNanos.computeIfAbsent(callId, id -> new AtomicLong());
        delegate.service(request, (AgiChannel) Proxy.newProxyInstance(AgiChannel.class.getClassLoader(),
                new Class<?>[] {AgiChannel.class}, (proxy, method, methodArgs) -> {
                    long start = System.nanoTime();
                    try {
                        return method.invoke(channel, methodArgs);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        waited.addAndGet(System.nanoTime() - start);
                    }
                }));
    }
}
