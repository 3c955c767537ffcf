package io.duecall.ivr.adapter.agi;

import io.duecall.app.CallSessions;
import io.duecall.app.IvrCall;
import io.duecall.ivr.flow.CallerHungUpException;
import io.duecall.ivr.flow.IvrChannel;
import io.duecall.ivr.flow.ReminderFlow;
import io.duecall.port.CallRequest;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link ReminderFlow} for the call named by the AGI's first argument (or, failing that, the CALL_ID
 * channel variable). A call id of the wrong shape, or one the dialer does not know, gets a hang-up and nothing else.
 */
public final class ReminderAgiScript implements AgiScript {
    private static final Logger log = LoggerFactory.getLogger(ReminderAgiScript.class);

    private final CallSessions sessions;
    private final ReminderFlow flow;

    public ReminderAgiScript(CallSessions sessions, ReminderFlow flow) {
        this.sessions = sessions;
        this.flow = flow;
    }

    @Override
    public void service(AgiRequest request, AgiChannel agiChannel) {
        var channel = new AgiIvrChannel(agiChannel);
        try {
            var call = knownCall(request, channel);
            if (call.isEmpty()) {
                channel.hangup();
                return;
            }
            flow.run(call.get(), channel);
        } catch (CallerHungUpException e) {
            log.debug("caller on channel {} hung up before the flow started", request.getUniqueId());
        }
    }

    private Optional<IvrCall> knownCall(AgiRequest request, IvrChannel channel) {
        var args = request.getArguments();
        var callId = args != null && args.length > 0 && args[0] != null && !args[0].isEmpty()
                ? args[0]
                : channel.variable("CALL_ID").orElse("");
        if (!CallRequest.CALL_ID.matcher(callId).matches()) {
            log.warn("AGI on channel {} refused: call id '{}' (expected {})", request.getUniqueId(), printable(callId),
                    CallRequest.CALL_ID.pattern());
            return Optional.empty();
        }
        var call = sessions.find(callId, request.getChannel());
        if (call.isEmpty()) {
            log.warn("AGI on channel {} refused: call id {} is not a call the dialer has up", request.getUniqueId(), callId);
        }
        return call;
    }

    /** Call ids come from the PBX, so what is logged is cut short and stripped of control characters. */
    private static String printable(String value) {
        var cut = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
