package io.duecall.port;

import io.duecall.domain.attempt.Attempt;
import java.util.List;

/** The durable, append-only record of every dial. */
public interface AttemptLedger {
    void append(Attempt attempt);

    /** Every attempt in the order it was appended. */
    List<Attempt> readAll();

    long size();
}
