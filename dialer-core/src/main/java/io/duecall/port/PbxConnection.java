package io.duecall.port;

/** A {@link CallOriginator} for one PBX with named trunks; the plain {@link #originate(CallRequest)} uses its first. */
public interface PbxConnection extends CallOriginator {

    /** Asks the PBX to place the call over {@code trunk}, one of the trunks it was configured with. */
    void originate(CallRequest request, String trunk) throws TelephonyUnavailableException;
}
