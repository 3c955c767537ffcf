package io.duecall.engine.config;

import io.duecall.web.Principal;

/** One {@code http.tokens[]} entry: a bearer token and whose it is, operations staff's or one agent's. */
public record TokenSettings(String token, Principal.Role role, String agent) {
    @Override
    public String toString() {
        return "TokenSettings[token=****, role=" + role + ", agent=" + agent + "]";
    }
}
