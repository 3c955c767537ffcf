package io.duecall.pbxsim.call;

import io.duecall.pbxsim.agi.FastAgiCaller;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reports a call's AGI commands on AMI as Asterisk 22 does, in the {@code agi} class: {@code AGIExecStart} as a
 * command starts and {@code AGIExecEnd} with its ResultCode as it ends ({@code 200 Success}; {@code -1 Failure} for a
 * command the channel's leaving cut short, reference case 7d). Runs on the call's AGI thread.
 */
final class AgiExecEvents implements FastAgiCaller.CommandListener {
    private final SimCall call;
    private int commandId;

    AgiExecEvents(SimCall call) {
        this.call = call;
    }

    @Override
    public void started(String command) {
        commandId = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
        emit("AGIExecStart", command, null);
    }

    @Override
    public void ended(String command, String result) {
        emit("AGIExecEnd", command, result);
    }

    private void emit(String name, String command, String result) {
        call.lock.lock();
        try {
            var b = call.env.events.event(name, "agi,all").addAll(call.one.fields("")).add("CommandId", commandId)
                    .add("Command", command);
            if (result != null) {
                var failed = result.startsWith("200 result=-1");
                // A command the script cut short writes no line; Asterisk still reports it 200 Success (case 8c).
                var code = failed ? "-1" : result.length() >= 3 ? result.substring(0, 3) : "200";
                b.add("ResultCode", code).add("Result", code.equals("200") ? "Success" : "Failure");
            }
            call.emit(b.build());
        } finally {
            call.lock.unlock();
        }
    }
}
