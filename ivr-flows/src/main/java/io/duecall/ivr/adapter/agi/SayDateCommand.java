package io.duecall.ivr.adapter.agi;

import org.asteriskjava.fastagi.command.AbstractAgiCommand;

/** AGI {@code SAY DATE <epoch seconds> <escape digits>}, which asterisk-java has no command class for. */
final class SayDateCommand extends AbstractAgiCommand {
    private static final long serialVersionUID = 1L;

    private final long epochSeconds;
    private final String escapeDigits;

    SayDateCommand(long epochSeconds, String escapeDigits) {
        this.epochSeconds = epochSeconds;
        this.escapeDigits = escapeDigits;
    }

    @Override
    public String buildCommand() {
        return "SAY DATE " + epochSeconds + " " + escapeAndQuote(escapeDigits);
    }
}
