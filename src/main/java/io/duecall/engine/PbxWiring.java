package io.duecall.engine;

import io.duecall.adapter.ami.AmiPbx;
import io.duecall.adapter.ami.AmiPbxConnection;
import io.duecall.app.PbxPool;
import io.duecall.engine.config.ConfigException;
import io.duecall.port.TelephonyUnavailableException;
import io.duecall.web.TelephonyMeters;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The engine's PBX connections: every configured PBX logged in to and its dialplan checked, as one pool. */
final class PbxWiring {
    private PbxWiring() {}

    /**
     * Logs in to every PBX and checks its dialplan; the engine starts only with all of them. Each connection is added
     * to {@code parts} as it opens, and its AMI timings feed {@code meters}.
     */
    static PbxPool connect(List<AmiPbx> pbxs, Clock clock, TelephonyMeters meters, Parts parts)
            throws TelephonyUnavailableException {
        var members = new ArrayList<PbxPool.Member>();
        for (var pbx : pbxs) {
            var connection = parts.add(AmiPbxConnection.connect(pbx, clock));
            connection.originator().observe(OpsAdapters.timings(meters));
            requireDialplanContexts(connection, pbxs.size() > 1);
            members.add(new PbxPool.Member(pbx.limits(), connection));
        }
        return new PbxPool(members, clock);
    }

    /** A PBX without the contexts would take the originates and then fail every answered call; refuse to start. */
    private static void requireDialplanContexts(AmiPbxConnection connection, boolean named)
            throws TelephonyUnavailableException {
        var missing = connection.missingContexts();
        var pbx = connection.pbx().ami();
        if (!missing.isEmpty()) {
            throw new ConfigException("the PBX " + (named ? connection.pbx().name() + " " : "") + "at "
                    + pbx.host() + ":" + pbx.port()
                    + " has no dialplan context " + String.join(", ", missing) + " (the engine originates into "
                    + pbx.outboundContext() + ", redirects to agents through " + pbx.agentContext()
                    + " and plays the abandon message in " + pbx.abandonContext() + "); render extensions.conf with ./duecall render and run 'dialplan reload' on the PBX");
        }
    }
}
