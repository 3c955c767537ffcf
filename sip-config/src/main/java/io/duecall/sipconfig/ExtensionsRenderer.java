package io.duecall.sipconfig;

import java.net.URI;

/**
 * Renders the extensions.conf contexts the engine needs. The outbound context runs answering-machine detection
 * (when enabled), reports its result, and hands the call to the IVR with the call id as the AGI argument (recording
 * the call first when asked); the agent context dials the extension the engine redirected the call to; the
 * abandon-message context, which an agent's unanswered phone, the engine's own redirect and any inbound call reach,
 * plays the company prompt and the callback number; the doctor context takes {@code ./duecall doctor}'s loop-back
 * call.
 */
public final class ExtensionsRenderer {
    /**
     * The context of {@code ./duecall doctor}'s loop-back call: the doctor originates {@code Local/hold@dialer-doctor}
     * (no trunk; the {@code hold} side answers and waits), and the other side runs the FastAGI script {@code doctor}
     * at the IVR's address, which checks the prompt files are on the PBX and hangs up.
     */
    public static final String DOCTOR_CONTEXT = "dialer-doctor";
    static final String HEADER = "; Rendered by DueCall from its configuration. Edit the configuration, not this file.\n";

    private ExtensionsRenderer() {}

    /**
     * The contexts the engine drives (outbound, agents, abandon message), as {@code ./duecall dialplan} prints them and
     * as {@link #render(Deployment)} writes them into extensions.conf: one renderer, so the two cannot differ.
     */
    public static String render(DialplanSettings s, Deployment.Abandon abandon, boolean recording) {
        var out = new StringBuilder(HEADER).append('\n');
        outbound(out, s, recording);
        agents(out, s);
        out.append('\n');
        abandon(out, s.abandonContext(), abandon);
        out.append('\n');
        doctor(out, s);
        return out.toString();
    }

    /** The whole extensions.conf of a deployment. */
    public static String render(Deployment d) {
        return render(settings(d), d.abandon(), d.recordingOn());
    }

    /** The dialplan settings a deployment implies: its contexts, PJSIP agents, the FastAGI address and AMD. */
    public static DialplanSettings settings(Deployment d) {
        var contexts = d.contextsOrDefaults();
        return new DialplanSettings(contexts.outbound(), contexts.agents(), contexts.abandon(), "PJSIP/{ext}",
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

    private static void agents(StringBuilder out, DialplanSettings s) {
        out.append('[').append(s.agentContext()).append("]\n");
        out.append("exten => _X.,1,NoOp(DueCall bridges ${CALL_ID} to agent ${EXTEN})\n");
        out.append(" same => n,Dial(").append(s.agentDial().replace("{ext}", "${EXTEN}")).append(",20)\n");
        // Reached when nobody answers and the engine has not already moved the caller to the message itself.
        out.append(" same => n,Goto(").append(s.abandonContext()).append(",s,1)\n");
    }

    private static void doctor(StringBuilder out, DialplanSettings s) {
        out.append('[').append(DOCTOR_CONTEXT).append("]\n");
        out.append("exten => s,1,NoOp(DueCall doctor ${CALL_ID})\n");
        out.append(" same => n,Answer()\n");
        out.append(" same => n,AGI(").append(s.agiUrl().resolve("/doctor")).append(",${CALL_ID})\n");
        out.append(" same => n,Hangup()\n");
        out.append("exten => hold,1,Answer()\n");
        out.append(" same => n,Wait(60)\n");
        out.append(" same => n,Hangup()\n");
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
