package io.duecall.sipconfig;

/**
 * Renders the extensions.conf contexts the engine needs. The outbound context runs answering-machine detection
 * (when enabled), reports its result, and hands the call to the IVR with the call id as the AGI argument; the
 * agent context dials the extension the engine redirected the call to.
 */
public final class DialplanRenderer {
    private DialplanRenderer() {}

    public static String render(DialplanSettings s) {
        var out = new StringBuilder();
        out.append("; Rendered by DueCall from its configuration. Edit the configuration, not this file.\n\n");
        out.append('[').append(s.outboundContext()).append("]\n");
        out.append("exten => s,1,NoOp(DueCall call ${CALL_ID})\n");
        if (s.amd()) {
            out.append(" same => n,AMD()\n");
            out.append(" same => n,UserEvent(AMDResult,CALL_ID: ${CALL_ID},AMDSTATUS: ${AMDSTATUS},AMDCAUSE: ${AMDCAUSE})\n");
        }
        out.append(" same => n,AGI(").append(s.agiUrl()).append(",${CALL_ID})\n");
        out.append(" same => n,Hangup()\n\n");
        out.append('[').append(s.agentContext()).append("]\n");
        out.append("exten => _X.,1,NoOp(DueCall bridges ${CALL_ID} to agent ${EXTEN})\n");
        out.append(" same => n,Dial(").append(s.agentDial().replace("{ext}", "${EXTEN}")).append(",20)\n");
        out.append(" same => n,Hangup()\n");
        return out.toString();
    }
}
