package io.duecall.domain.pbx;

import io.duecall.domain.pacing.OriginateRateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides which PBX and trunk take each call: the available PBX with the most free channels whose own token bucket
 * and one of whose trunks' buckets grant an originate (trunks in their configured order), and remembers which PBX
 * holds each call until it ends. A call whose end is never reported stops counting after {@code forgetAfter}.
 * Pure and not thread-safe: the caller serializes it and passes the time in.
 */
public final class PbxRouter {
    private final Map<String, Pbx> pbxs = new LinkedHashMap<>();
    private final Map<String, Held> calls = new HashMap<>();
    private final Duration forgetAfter;

    public PbxRouter(List<PbxLimits> limits, Duration forgetAfter) {
        if (limits == null || limits.isEmpty()) {
            throw new IllegalArgumentException("pbxs: none (expected at least one PBX)");
        }
        if (forgetAfter == null || !forgetAfter.isPositive()) {
            throw new IllegalArgumentException("forgetAfter: " + forgetAfter + " (expected > 0)");
        }
        for (var pbx : limits) {
            if (pbxs.put(pbx.name(), new Pbx(pbx)) != null) {
                throw new IllegalArgumentException("pbxs: name '" + pbx.name() + "' is used twice");
            }
        }
        this.forgetAfter = forgetAfter;
    }

    /**
     * Routes {@code callId} at {@code now} among the PBXs that are {@code available}; a
     * {@link RouteDecision.Route} has spent its tokens and counts the call as up on its PBX until {@link #release}.
     */
    public RouteDecision route(String callId, Instant now, Predicate<String> available) {
        if (calls.containsKey(callId)) {
            throw new IllegalArgumentException("callId: '" + callId + "' is already routed to " + calls.get(callId).pbx.limits.name());
        }
        forgetStale(now);
        double seconds = now.getEpochSecond() + now.getNano() / 1e9;
        var reasons = new ArrayList<String>();
        var candidates = new ArrayList<Pbx>();
        for (var pbx : pbxs.values()) {
            if (!available.test(pbx.limits.name())) {
                reasons.add(pbx.limits.name() + ": unavailable");
            } else if (pbx.free() <= 0) {
                reasons.add(pbx.limits.name() + ": no free channel (" + pbx.up + " of " + pbx.limits.channels() + " up)");
            } else {
                candidates.add(pbx);
            }
        }
        // A stable sort: among PBXs with as many free channels, the one configured first.
        candidates.sort(Comparator.comparingLong(Pbx::free).reversed());
        for (var pbx : candidates) {
            if (!pbx.rate.grants(seconds)) {
                reasons.add(pbx.limits.name() + ": " + pbx.limits.originatesPerSecond() + " originates/s spent");
                continue;
            }
            var trunk = pbx.trunkGranting(seconds);
            if (trunk.isEmpty()) {
                reasons.add(pbx.limits.name() + ": every trunk's originates/s spent");
                continue;
            }
            pbx.rate.take(seconds);
            trunk.get().rate.take(seconds);
            pbx.up++;
            calls.put(callId, new Held(pbx, now));
            return new RouteDecision.Route(pbx.limits.name(), trunk.get().limits.name());
        }
        return new RouteDecision.Refused(String.join("; ", reasons));
    }

    /** The call has ended (or was never placed): its channel is free again. Unknown ids are ignored. */
    public void release(String callId) {
        var held = calls.remove(callId);
        if (held != null) {
            held.pbx.up--;
        }
    }

    /** The PBX holding the call, if it is up as far as this router knows. */
    public Optional<String> owner(String callId) {
        return Optional.ofNullable(calls.get(callId)).map(held -> held.pbx.limits.name());
    }

    /** Calls up on the named PBX. */
    public int callsUp(String pbx) {
        var known = pbxs.get(pbx);
        if (known == null) {
            throw new IllegalArgumentException("pbx: '" + pbx + "' (expected one of " + pbxs.keySet() + ")");
        }
        return known.up;
    }

    private void forgetStale(Instant now) {
        var cutoff = now.minus(forgetAfter);
        calls.values().removeIf(held -> {
            boolean stale = held.since.isBefore(cutoff);
            if (stale) {
                held.pbx.up--;
            }
            return stale;
        });
    }

    private record Held(Pbx pbx, Instant since) {}

    private static final class Pbx {
        final PbxLimits limits;
        final Rate rate;
        final List<Trunk> trunks = new ArrayList<>();
        int up;

        Pbx(PbxLimits limits) {
            this.limits = limits;
            this.rate = new Rate(limits.limited(), limits.originatesPerSecond(), limits.burst());
            limits.trunks().forEach(t -> trunks.add(new Trunk(t)));
        }

        long free() {
            return (long) limits.channels() - up;
        }

        Optional<Trunk> trunkGranting(double seconds) {
            return trunks.stream().filter(t -> t.rate.grants(seconds)).findFirst();
        }
    }

    private record Trunk(TrunkLimits limits, Rate rate) {
        Trunk(TrunkLimits limits) {
            this(limits, new Rate(limits.limited(), limits.originatesPerSecond(), limits.burst()));
        }
    }

    /** A PBX's or trunk's originate-rate limit, or none when its limits set no rate. */
    private static final class Rate {
        private final OriginateRateLimit bucket;

        Rate(boolean limited, double perSecond, double burst) {
            this.bucket = limited ? new OriginateRateLimit(perSecond, burst) : null;
        }

        boolean grants(double seconds) {
            return bucket == null || bucket.grants(seconds);
        }

        void take(double seconds) {
            if (bucket != null) {
                bucket.take(seconds, 1);
            }
        }
    }
}
