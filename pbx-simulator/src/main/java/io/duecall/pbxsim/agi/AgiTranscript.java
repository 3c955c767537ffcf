package io.duecall.pbxsim.agi;

import java.util.List;

/**
 * What was said in one FastAGI session: each command the script sent, the reply it got, how the session ended, and
 * how many keys the caller pressed without waiting to be asked were heard and how many were lost.
 */
public record AgiTranscript(List<String> commands, List<String> replies, End end, int keysHeard, int keysLost) {
    public AgiTranscript {
        commands = List.copyOf(commands);
        replies = List.copyOf(replies);
    }

    public enum End {
        /** The script sent HANGUP. */
        SCRIPT_HANGUP,
        /** The script closed the connection; the dialplan would go on to its next priority. */
        SCRIPT_CLOSED,
        /** The simulated caller hung up. */
        CALLER_HANGUP,
        /** The channel left the AGI from outside (a Hangup action, the call's end). */
        INTERRUPTED,
        /** The channel was redirected out of the AGI and the script closed the socket after the HANGUP notice. */
        REDIRECTED
    }
}
