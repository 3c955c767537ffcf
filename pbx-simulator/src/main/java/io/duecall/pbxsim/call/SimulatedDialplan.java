package io.duecall.pbxsim.call;

import io.duecall.pbxsim.SimulatorConfig;
import io.duecall.pbxsim.ami.DialplanPriority;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The dialplan a simulator's configuration stands for, in the shape DueCall renders: each AGI context sets the
 * channel's absolute timeout from CALL_MAX_SECONDS, runs AMD (when it is an AMD context), reports it, then the AGI; the agent context dials the extension it was sent to and goes on to the abandon context when nobody answers.
 */
final class SimulatedDialplan {
    private SimulatedDialplan() {}

    static List<DialplanPriority> of(SimulatorConfig config) {
        var out = new ArrayList<DialplanPriority>();
        for (var e : new TreeMap<>(config.agiByContext()).entrySet()) {
            var context = e.getKey();
            var steps = new ArrayList<String[]>();
            steps.add(new String[] {"NoOp", "DueCall call ${CALL_ID}"});
            steps.add(new String[] {"Set", "TIMEOUT(absolute)=${CALL_MAX_SECONDS}"});
            if (config.amdContexts().contains(context)) {
                steps.add(new String[] {"AMD", ""});
                steps.add(new String[] {"UserEvent",
                        "AMDResult,CALL_ID: ${CALL_ID},AMDSTATUS: ${AMDSTATUS},AMDCAUSE: ${AMDCAUSE}"});
            }
            steps.add(new String[] {"AGI", e.getValue() + ",${CALL_ID}"});
            steps.add(new String[] {"Hangup", ""});
            for (int i = 0; i < steps.size(); i++) {
                out.add(new DialplanPriority(context, "s", i + 1, steps.get(i)[0], steps.get(i)[1]));
            }
        }
        var doctor = config.agiUrl(SimulatorConfig.DOCTOR_CONTEXT);
        if (doctor != null && !config.agiByContext().containsKey(SimulatorConfig.DOCTOR_CONTEXT)) {
            var context = SimulatorConfig.DOCTOR_CONTEXT;
            out.add(new DialplanPriority(context, "s", 1, "NoOp", "DueCall doctor ${CALL_ID}"));
            out.add(new DialplanPriority(context, "s", 2, "Answer", ""));
            out.add(new DialplanPriority(context, "s", 3, "AGI", doctor + ",${CALL_ID}"));
            out.add(new DialplanPriority(context, "s", 4, "Hangup", ""));
            out.add(new DialplanPriority(context, "hold", 1, "Answer", ""));
            out.add(new DialplanPriority(context, "hold", 2, "Wait", "60"));
            out.add(new DialplanPriority(context, "hold", 3, "Hangup", ""));
        }
        var agents = config.agentContext();
        out.add(new DialplanPriority(agents, "_X.", 1, "NoOp", "DueCall bridges ${CALL_ID} to agent ${EXTEN}"));
        out.add(new DialplanPriority(agents, "_X.", 2, "Dial", "PJSIP/${EXTEN},20"));
        var abandon = config.abandonContext();
        out.add(new DialplanPriority(agents, "_X.", 3, "Goto", abandon + ",s,1"));
        out.add(new DialplanPriority(abandon, "s", 1, "NoOp", "DueCall abandon message ${CALL_ID}"));
        out.add(new DialplanPriority(abandon, "s", 2, "Answer", ""));
        out.add(new DialplanPriority(abandon, "s", 3, "Playback", "duecall/abandon"));
        out.add(new DialplanPriority(abandon, "s", 4, "Hangup", ""));
        return List.copyOf(out);
    }
}
