package io.duecall.adapter.ami;

import java.time.Instant;

/** A change in the health of the manager connection, as seen by {@link AmiConnectionHealth}. */
public sealed interface AmiConnectionEvent permits AmiConnectionLost, AmiConnectionRestored {
    Instant at();
}
