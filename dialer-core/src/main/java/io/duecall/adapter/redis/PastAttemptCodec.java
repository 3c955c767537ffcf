package io.duecall.adapter.redis;

import io.duecall.domain.account.E164;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disclosure;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.compliance.PastAttempt;
import java.time.Instant;

/**
 * One history entry as a compact string: {@code epochMillis|number|outcome|disposition|flags|callId}. The call
 * id (last, so it may hold any character) tells a retried append from a new call; entries written before it was
 * added have five fields and still read. {@code flags} is 1 or 0 for abandoned, then N, I or A for what was
 * disclosed, then R when the right party was verified; entries written with only the abandoned digit read the
 * other two from their disposition.
 */
final class PastAttemptCodec {
    private PastAttemptCodec() {}

    static String encode(PastAttempt attempt, String callId) {
        return attempt.at().toEpochMilli() + "|" + attempt.number().value() + "|" + attempt.outcome().name() + "|"
                + attempt.disposition().name() + "|" + (attempt.abandoned() ? "1" : "0")
                + attempt.disclosed().name().charAt(0) + (attempt.rightParty() ? "R" : "") + "|" + callId;
    }

    static PastAttempt decode(String key, String entry) {
        var parts = entry.split("\\|", 6);
        try {
            if (parts.length < 5) {
                throw new IllegalArgumentException("expected 6 fields, found " + parts.length);
            }
            var at = Instant.ofEpochMilli(Long.parseLong(parts[0]));
            var number = new E164(parts[1]);
            var outcome = CallOutcome.valueOf(parts[2]);
            var disposition = Disposition.valueOf(parts[3]);
            var flags = parts[4];
            if (!flags.matches("[01]([NIA]R?)?")) {
                throw new IllegalArgumentException("flags '" + flags + "' (expected 0 or 1, then N, I or A, then R)");
            }
            var abandoned = flags.charAt(0) == '1';
            if (flags.length() == 1) {
                return new PastAttempt(at, number, outcome, disposition, abandoned);
            }
            var disclosed = switch (flags.charAt(1)) {
                case 'A' -> Disclosure.AMOUNT;
                case 'I' -> Disclosure.IDENTITY;
                default -> Disclosure.NOTHING;
            };
            return new PastAttempt(at, number, outcome, disposition, abandoned, flags.endsWith("R"), disclosed);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(key + ": history entry '" + entry + "' is unreadable: " + e.getMessage(), e);
        }
    }
}
