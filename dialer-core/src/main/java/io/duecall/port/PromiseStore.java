package io.duecall.port;

import io.duecall.domain.promise.PromiseToPay;
import java.util.List;
import java.util.Optional;

/** Durable promises to pay. A call records at most one promise, however often the caller confirms. */
public interface PromiseStore {
    /**
     * Stores the promise unless its call already has one, and returns the promise that is stored for that call
     * (the given one, or the earlier one). It returns only once the promise is durable.
     */
    PromiseToPay record(PromiseToPay promise);

    Optional<PromiseToPay> forCall(String callId);

    List<PromiseToPay> all();
}
