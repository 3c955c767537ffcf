package io.duecall.adapter.ami;

import java.time.Instant;

/** The manager connection works again after an {@link AmiConnectionLost}. */
public record AmiConnectionRestored(Instant at) implements AmiConnectionEvent {}
