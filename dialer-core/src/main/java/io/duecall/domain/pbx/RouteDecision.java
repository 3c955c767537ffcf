package io.duecall.domain.pbx;

/** Where the next call goes: a PBX and one of its trunks, or nowhere and why. */
public sealed interface RouteDecision {

    /** The call goes out on {@code trunk} of {@code pbx}; its tokens are spent and it counts as up there. */
    record Route(String pbx, String trunk) implements RouteDecision {}

    /** No PBX can take the call now; {@code reason} says, PBX by PBX, what stopped each. */
    record Refused(String reason) implements RouteDecision {}
}
