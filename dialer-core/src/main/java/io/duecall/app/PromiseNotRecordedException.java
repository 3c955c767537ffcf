package io.duecall.app;

/**
 * A promise the caller keyed could be kept neither in the store nor in the journal. The IVR tells the caller it could
 * not be recorded; the call's ledger line says {@code PROMISE_NOT_RECORDED}.
 */
public final class PromiseNotRecordedException extends RuntimeException {
    public PromiseNotRecordedException(String message, Throwable cause) {
        super(message, cause);
    }
}
