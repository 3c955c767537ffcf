package io.duecall.app;

import io.duecall.port.CallEvent;
import io.duecall.port.PbxConnection;
import io.duecall.port.CallRequest;
import io.duecall.port.TelephonyUnavailableException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** A PBX stand-in for engine tests (alone or in a {@link PbxPool}): it records what the engine asks for, and the test plays the PBX's events. */
final class ScriptedTelephony implements PbxConnection {
    final List<CallRequest> originated = new ArrayList<>();
    final List<String> bridges = new ArrayList<>();
    final List<String> ivrChannels = new ArrayList<>();
    final List<String> hangups = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<String> abandonMessages = new ArrayList<>();
    /** What the PBX's channel list says of a call's bridge; null: it cannot tell. */
    Boolean inBridge;
    boolean refuseBridges;
    /** What sending an Originate costs, run as each is sent (a test advances its clock here). */
    Runnable whileOriginating = () -> {};
    boolean down;
    /** PBXs whose agent phones cannot be reached now; every other name is reachable. */
    final Set<String> unreachable = new HashSet<>();
    private Consumer<CallEvent> listener = e -> {};

    @Override
    public void onEvent(Consumer<CallEvent> listener) {
        this.listener = listener;
    }

    @Override
    public boolean available() {
        return !down;
    }

    @Override
    public boolean reaches(String pbx) {
        return !unreachable.contains(pbx);
    }

    @Override
    public void originate(CallRequest request) throws TelephonyUnavailableException {
        if (down) {
            throw new TelephonyUnavailableException("Originate: AMI connection is down");
        }
        whileOriginating.run();
        originated.add(request);
    }

    @Override
    public void originate(CallRequest request, String trunk) throws TelephonyUnavailableException {
        originate(request);
    }

    @Override
    public void bridgeToAgent(String callId, String agentExtension) throws TelephonyUnavailableException {
        if (refuseBridges) {
            throw new TelephonyUnavailableException("Redirect refused: Channel does not exist");
        }
        bridges.add(callId + "->" + agentExtension);
    }

    @Override
    public void answeredOn(String callId, String channel) {
        ivrChannels.add(callId + "@" + channel);
    }

    @Override
    public void playAbandonMessage(String callId) throws TelephonyUnavailableException {
        if (down) {
            throw new TelephonyUnavailableException("Redirect: AMI connection is down");
        }
        abandonMessages.add(callId);
    }

    @Override
    public java.util.Optional<Boolean> inBridge(String callId) {
        return java.util.Optional.ofNullable(inBridge);
    }

    @Override
    public void hangup(String callId) {
        hangups.add(callId);
    }

    void emit(CallEvent event) {
        listener.accept(event);
    }

    @Override
    public void close() {}
}
