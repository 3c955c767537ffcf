package io.duecall.ivr.adapter.agi;

import org.asteriskjava.fastagi.command.AbstractAgiCommand;

/** AGI {@code SAY DATE <epoch seconds> <escape digits>}, which asterisk-java has no command class for. */
final class SayDateCommand extends AbstractAgiCommand {
    private static final long serialVersionUID = 1L;

    private final long epochSeconds;

    SayDateCommand(long epochSeconds) {
        this.epochSeconds = epochSeconds;
    }

    @Override
    public String buildCommand() {
        return "SAY DATE " + epochSeconds + " " + escapeAndQuote("");
    }
}
