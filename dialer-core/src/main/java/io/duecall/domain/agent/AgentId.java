package io.duecall.domain.agent;

import java.util.regex.Pattern;

/** An agent's login, which is also the extension the PBX rings: 2 to 10 digits. */
public record AgentId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[0-9]{2,10}");

    public AgentId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("agent: '" + value + "' (expected an extension of 2-10 digits)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
