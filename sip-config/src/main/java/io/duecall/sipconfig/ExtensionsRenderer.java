package io.duecall.sipconfig;

import java.net.URI;

/**
 * Renders the extensions.conf contexts the engine needs. The outbound context runs answering-machine detection
 * (when enabled), reports its result, and hands the call to the IVR with the call id as the AGI argument; the
 * agent context dials the extension the engine redirected the call to. From a deployment it also records calls
 * when asked and adds the abandon-message context, which an agent's unanswered phone and any inbound call reach.
 */
public final class ExtensionsRenderer {
    static final String HEADER = "; Rendered by DueCall from its configuration. Edit the configuration, not this file.\n";

    private ExtensionsRenderer() {}

    /** The two contexts the engine drives, as {@code ./duecall dialplan} prints them. */
    public static String render(DialplanSettings s) {
        var out = new StringBuilder(HEADER).append('\n');
        outbound(out, s, /* recording= */ false);
        agents(out, s, null);
        return out.toString();
    }

    /** The whole extensions.conf of a deployment. */
    public static String render(Deployment d) {
        var s = settings(d);
        var contexts = d.contextsOrDefaults();
        var out = new StringBuilder(HEADER).append('\n');
        outbound(out, s, d.recordingOn());
        agents(out, s, contexts.abandon());
        out.append('\n');
        abandon(out, contexts.abandon(), d.abandon());
        return out.toString();
    }

    /** The dialplan settings a deployment implies: its contexts, PJSIP agents and the FastAGI address. */
    public static DialplanSettings settings(Deployment d) {
        var contexts = d.contextsOrDefaults();
        return new DialplanSettings(contexts.outbound(), contexts.agents(), "PJSIP/{ext}",
                URI.create("agi://" + d.agi().host() + ":" + d.agi().portOrDefault() + "/reminder"), d.amdOn());
    }

    private static void outbound(StringBuilder out, DialplanSettings s, boolean recording) {
        out.append('[').append(s.outboundContext()).append("]\n");
        out.append("exten => s,1,NoOp(DueCall call ${CALL_ID})\n");
        // The engine's CALL_MAX_SECONDS: the channel is hung up that long after the answer wherever it is then (IVR,
        // agent wait, bridged), so a call never outlives the lease of a dialer that died holding it.
        out.append(" same => n,Set(TIMEOUT(absolute)=${CALL_MAX_SECONDS})\n");
        if (recording) {
            // Started before AMD so the recording holds the whole call, agent leg included after the redirect.
            out.append(" same => n,MixMonitor(duecall/${STRFTIME(${EPOCH},UTC,%Y-%m-%d)}/${CALL_ID}.wav)\n");
        }
        if (s.amd()) {
            out.append(" same => n,AMD()\n");
            out.append(" same => n,UserEvent(AMDResult,CALL_ID: ${CALL_ID},AMDSTATUS: ${AMDSTATUS},AMDCAUSE: ${AMDCAUSE})\n");
        }
        out.append(" same => n,AGI(").append(s.agiUrl()).append(",${CALL_ID})\n");
        out.append(" same => n,Hangup()\n\n");
    }

    private static void agents(StringBuilder out, DialplanSettings s, String abandonContext) {
        out.append('[').append(s.agentContext()).append("]\n");
        out.append("exten => _X.,1,NoOp(DueCall bridges ${CALL_ID} to agent ${EXTEN})\n");
        out.append(" same => n,Dial(").append(s.agentDial().replace("{ext}", "${EXTEN}")).append(",20)\n");
        if (abandonContext != null) {
            out.append(" same => n,Goto(").append(abandonContext).append(",s,1)\n");
        } else {
            out.append(" same => n,Hangup()\n");
        }
    }

    private static void abandon(StringBuilder out, String context, Deployment.Abandon a) {
        out.append('[').append(context).append("]\n");
        out.append("exten => s,1,NoOp(DueCall abandon message ${CALL_ID})\n");
        out.append(" same => n,Answer()\n");
        out.append(" same => n,Playback(duecall/abandon&").append(a.companyPrompt()).append("&duecall/call-us-at)\n");
        out.append(" same => n,SayDigits(").append(a.callbackNumber().replace("+", "")).append(")\n");
        out.append(" same => n,Playback(duecall/goodbye)\n");
        out.append(" same => n,Hangup()\n");
        // Inbound calls (a trunk's DID, an agent phone dialing out) land here too: the PBX routes nothing onward.
        out.append("exten => _X.,1,Goto(s,1)\n");
        out.append("exten => _+X.,1,Goto(s,1)\n");
    }
}
