package io.duecall.pbxsim.ami;

/** The one manager user the simulator accepts. */
public record AmiCredentials(String username, String secret) {
}
