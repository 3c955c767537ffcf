package io.duecall.adapter.ami;

import java.time.Instant;

/** The manager connection stopped working: the socket closed or a ping went unanswered. */
public record AmiConnectionLost(Instant at, String reason) implements AmiConnectionEvent {}
