package io.duecall.adapter.ami;

import io.duecall.port.CallEvent;
import io.duecall.port.CallRequest;
import io.duecall.port.PbxConnection;
import io.duecall.port.TelephonyUnavailableException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** One PBX of a pool over its own {@link AmiCallOriginator}; a trunk is chosen by dialing with its template. */
public final class AmiPbxConnection implements PbxConnection {
    private final AmiPbx pbx;
    private final AmiCallOriginator originator;

    private AmiPbxConnection(AmiPbx pbx, AmiCallOriginator originator) {
        this.pbx = pbx;
        this.originator = originator;
    }

    /** Logs in to the PBX; the failure names the PBX. */
    public static AmiPbxConnection connect(AmiPbx pbx, Clock clock) throws TelephonyUnavailableException {
        Objects.requireNonNull(pbx, "pbx");
        try {
            return new AmiPbxConnection(pbx, AmiCallOriginator.connect(pbx.ami(), clock));
        } catch (TelephonyUnavailableException e) {
            throw new TelephonyUnavailableException("PBX " + pbx.name() + ": " + e.getMessage(), e);
        }
    }

    public AmiPbx pbx() {
        return pbx;
    }

    /** The connection itself, for what only AMI offers (timings, connection events, dialplan check). */
    public AmiCallOriginator originator() {
        return originator;
    }

    /** The contexts the engine needs that this PBX's dialplan lacks; empty when all are there. */
    public List<String> missingContexts() throws TelephonyUnavailableException {
        return originator.missingContexts();
    }

    @Override
    public void onEvent(Consumer<CallEvent> listener) {
        originator.onEvent(listener);
    }

    @Override
    public boolean available() {
        return originator.available();
    }

    @Override
    public void originate(CallRequest request) throws TelephonyUnavailableException {
        originate(request, pbx.limits().trunks().getFirst().name());
    }

    @Override
    public void originate(CallRequest request, String trunk) throws TelephonyUnavailableException {
        var template = pbx.dialTemplates().get(trunk);
        if (template == null) {
            throw new IllegalArgumentException("trunk: '" + trunk + "' (expected one of " + pbx.dialTemplates().keySet()
                    + " of PBX " + pbx.name() + ")");
        }
        originator.originate(request, template);
    }

    @Override
    public void bridgeToAgent(String callId, String agentExtension) throws TelephonyUnavailableException {
        originator.bridgeToAgent(callId, agentExtension);
    }

    @Override
    public java.util.Optional<Boolean> inBridge(String callId) {
        return originator.inBridge(callId);
    }

    @Override
    public boolean reportsAcceptance() {
        return originator.reportsAcceptance();
    }

    @Override
    public void playAbandonMessage(String callId) throws TelephonyUnavailableException {
        originator.playAbandonMessage(callId);
    }

    @Override
    public void answeredOn(String callId, String channel) {
        originator.answeredOn(callId, channel);
    }

    @Override
    public void hangup(String callId) throws TelephonyUnavailableException {
        originator.hangup(callId);
    }

    @Override
    public void close() {
        originator.close();
    }
}
