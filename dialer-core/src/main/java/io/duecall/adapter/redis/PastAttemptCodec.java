package io.duecall.adapter.redis;

import io.duecall.domain.account.E164;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.compliance.PastAttempt;
import java.time.Instant;

/** One history entry as a compact string: {@code epochMillis|number|outcome|disposition|abandoned}. */
final class PastAttemptCodec {
    private PastAttemptCodec() {}

    static String encode(PastAttempt attempt) {
        return attempt.at().toEpochMilli() + "|" + attempt.number().value() + "|" + attempt.outcome().name() + "|"
                + attempt.disposition().name() + "|" + (attempt.abandoned() ? "1" : "0");
    }

    static PastAttempt decode(String key, String entry) {
        var parts = entry.split("\\|", -1);
        try {
            if (parts.length != 5) {
                throw new IllegalArgumentException("expected 5 fields, found " + parts.length);
            }
            return new PastAttempt(Instant.ofEpochMilli(Long.parseLong(parts[0])), new E164(parts[1]),
                    CallOutcome.valueOf(parts[2]), Disposition.valueOf(parts[3]), "1".equals(parts[4]));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(key + ": history entry '" + entry + "' is unreadable: " + e.getMessage(), e);
        }
    }
}
