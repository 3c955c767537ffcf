package io.duecall.ivr.flow;

import io.duecall.app.CallSessions;
import io.duecall.app.IvrCall;
import io.duecall.domain.campaign.CampaignId;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * The IVR: runs a {@link FlowDefinition} (by default {@code reminder.yaml}) on each answered call, or the
 * location-only flow ({@code location.yaml}) on a call to a third-party contact, and reports its verdict to
 * {@link CallSessions#finished} exactly once, unless the call is being bridged to an agent. The flow's version is
 * given to the dialer first, so every ledger line names the flow that served it. Each campaign's
 * {@link MachinePolicy} decides whether an answering machine hears the flow's message or a hang-up.
 */
public final class ReminderFlow {
    private final CallSessions sessions;
    private final Duration inputTimeout;
    private final FlowDefinition flow;
    private final FlowDefinition locationFlow;
    private final Function<CampaignId, MachinePolicy> machinePolicy;

    /** @param inputTimeout how long the caller has to press a key after a question has been asked */
    public ReminderFlow(CallSessions sessions, Duration inputTimeout) {
        this(sessions, inputTimeout, FlowLoader.defaultFlow());
    }

    public ReminderFlow(CallSessions sessions, Duration inputTimeout, FlowDefinition flow) {
        this(sessions, inputTimeout, flow, FlowLoader.locationFlow());
    }

    /** @param locationFlow the script for third-party contacts; it must be a {@code third-party} flow */
    public ReminderFlow(CallSessions sessions, Duration inputTimeout, FlowDefinition flow, FlowDefinition locationFlow) {
        this(sessions, inputTimeout, flow, locationFlow, campaign -> MachinePolicy.MESSAGE);
    }

    /** @param machinePolicy each campaign's answer to a detected answering machine */
    public ReminderFlow(CallSessions sessions, Duration inputTimeout, FlowDefinition flow, FlowDefinition locationFlow,
            Function<CampaignId, MachinePolicy> machinePolicy) {
        this.machinePolicy = Objects.requireNonNull(machinePolicy, "machinePolicy");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        if (inputTimeout == null || inputTimeout.isNegative() || inputTimeout.isZero()) {
            throw new IllegalArgumentException("ivr.inputTimeout: " + inputTimeout + " (expected > 0)");
        }
        this.inputTimeout = inputTimeout;
        this.flow = Objects.requireNonNull(flow, "flow");
        this.locationFlow = Objects.requireNonNull(locationFlow, "locationFlow");
        if (flow.forThirdParties()) {
            throw new IllegalArgumentException("flow: " + flow.ledgerVersion() + " is a third-party flow (expected a debtor's)");
        }
        if (!locationFlow.forThirdParties()) {
            throw new IllegalArgumentException("locationFlow: " + locationFlow.ledgerVersion()
                    + " has audience '" + locationFlow.audience() + "' (expected third-party)");
        }
    }

    public FlowDefinition flow() {
        return flow;
    }

    public FlowDefinition locationFlow() {
        return locationFlow;
    }

    public FlowOutcome run(IvrCall call, IvrChannel channel) {
        var chosen = call.locationCall() ? locationFlow : flow;
        sessions.flowStarted(call.callId(), chosen.ledgerVersion());
        var run = new FlowRun(chosen, call, channel, sessions, inputTimeout, policyOf(call));
        FlowOutcome outcome;
        try {
            outcome = run.run();
        } catch (CallerHungUpException e) {
            outcome = new FlowOutcome.Finished(run.verdictOnHangup());
        } catch (RuntimeException e) {
            // The dialer must still learn how far the call got, even though the flow could not go on.
            sessions.finished(call.callId(), run.verdictWithoutCommitment());
            throw e;
        }
        if (outcome instanceof FlowOutcome.Finished finished) {
            sessions.finished(call.callId(), finished.disposition());
        }
        return outcome;
    }

    private MachinePolicy policyOf(IvrCall call) {
        var policy = machinePolicy.apply(call.campaign().id());
        return policy == null ? MachinePolicy.MESSAGE : policy;
    }
}
