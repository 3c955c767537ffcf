package io.duecall.pbxsim.ami;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** The call-control actions the AMI server hands to the call simulation. */
public interface CallActions {
    /** Completes at once for an async Originate (the events follow), after the outcome for a synchronous one. */
    CompletionStage<Reply> originate(AmiMessage action);

    Reply hangup(AmiMessage action);

    Reply redirect(AmiMessage action);

    /** Every channel that exists now, for CoreShowChannels. */
    List<ChannelStatus> liveChannels();

    /** The dialplan the simulator pretends to have, in the order ShowDialPlan lists it. */
    List<DialplanPriority> dialplan();

    /** The {@code Response:} (Success or Error) and {@code Message:} of an action's reply. */
    record Reply(boolean success, String message) {
        public static Reply ok(String message) {
            return new Reply(true, message);
        }

        public static Reply error(String message) {
            return new Reply(false, message);
        }
    }
}
