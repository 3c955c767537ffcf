package io.duecall.ivr.flow;

import io.duecall.domain.attempt.Disposition;

/** How an IVR flow ended: with its verdict on the call, or by letting the PBX move the call to an agent. */
public sealed interface FlowOutcome {
    /** The flow is over and reported this verdict. */
    record Finished(Disposition disposition) implements FlowOutcome {}

    /** The PBX is bridging the call to an agent; the flow said nothing more and gave no verdict. */
    record HandedToAgent(String agentExtension) implements FlowOutcome {}
}
