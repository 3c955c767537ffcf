package io.duecall.app;

/**
 * Where a placed call stands. Each state lists the states it may move to; {@link LiveCall#moveTo} refuses any other
 * move with an {@link IllegalStateTransitionException} naming both. What is written on the call's ledger line (when
 * it was answered, bridged, hung up; what the IVR reported) is kept beside the state in {@link LiveCall}.
 */
sealed interface CallState {
    /** Originated; the PBX has reported neither an answer nor a failure. */
    record Ringing() implements CallState {
        @Override
        public boolean mayMoveTo(CallState next) {
            return !(next instanceof Ringing);
        }
    }

    /** Answered (the PBX said so, or the IVR started on the call) and with no agent: the IVR has the caller. */
    record InIvr() implements CallState {
        @Override
        public boolean mayMoveTo(CallState next) {
            return next instanceof WaitingForAgent || next instanceof Bridged || next instanceof Ended;
        }
    }

    /**
     * The IVR asked for an agent: none is free yet, or one is reserved and the PBX has not yet reported them in one
     * bridge with the caller. Without an agent the call goes back to the IVR, which plays the abandon message.
     */
    record WaitingForAgent() implements CallState {
        @Override
        public boolean mayMoveTo(CallState next) {
            return next instanceof InIvr || next instanceof Bridged || next instanceof Ended;
        }
    }

    /** The PBX reported the caller and an agent in one bridge. */
    record Bridged() implements CallState {
        @Override
        public boolean mayMoveTo(CallState next) {
            return next instanceof Ended;
        }
    }

    /** Nothing more can happen to the call: its ledger line is taken. */
    record Ended() implements CallState {
        @Override
        public boolean mayMoveTo(CallState next) {
            return false;
        }
    }

    CallState RINGING = new Ringing();
    CallState IN_IVR = new InIvr();
    CallState WAITING_FOR_AGENT = new WaitingForAgent();
    CallState BRIDGED = new Bridged();
    CallState ENDED = new Ended();
    java.util.List<CallState> ALL = java.util.List.of(RINGING, IN_IVR, WAITING_FOR_AGENT, BRIDGED, ENDED);

    boolean mayMoveTo(CallState next);

    default String describe() {
        return getClass().getSimpleName();
    }
}
