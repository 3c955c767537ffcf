package io.duecall.adapter.redis;

import io.duecall.domain.account.E164;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.compliance.PastAttempt;
import java.time.Instant;

/**
 * One history entry as a compact string: {@code epochMillis|number|outcome|disposition|abandoned|callId}. The call
 * id (last, so it may hold any character) tells a retried append from a new call; entries written before it was
 * added have five fields and still read.
 */
final class PastAttemptCodec {
    private PastAttemptCodec() {}

    static String encode(PastAttempt attempt, String callId) {
        return attempt.at().toEpochMilli() + "|" + attempt.number().value() + "|" + attempt.outcome().name() + "|"
                + attempt.disposition().name() + "|" + (attempt.abandoned() ? "1" : "0") + "|" + callId;
    }

    static PastAttempt decode(String key, String entry) {
        var parts = entry.split("\\|", 6);
        try {
            if (parts.length < 5) {
                throw new IllegalArgumentException("expected 6 fields, found " + parts.length);
            }
            return new PastAttempt(Instant.ofEpochMilli(Long.parseLong(parts[0])), new E164(parts[1]),
                    CallOutcome.valueOf(parts[2]), Disposition.valueOf(parts[3]), "1".equals(parts[4]));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(key + ": history entry '" + entry + "' is unreadable: " + e.getMessage(), e);
        }
    }
}
