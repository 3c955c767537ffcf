package io.duecall.port;

/** The journal could not make an entry durable; the entry is not kept. */
public final class JournalUnavailableException extends RuntimeException {
    public JournalUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
